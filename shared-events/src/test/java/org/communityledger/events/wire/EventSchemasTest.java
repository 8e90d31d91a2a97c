package org.communityledger.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.OrganizationalListApproved;
import org.communityledger.events.value.GoverningPosition;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas published for the events topic (resources {@code schemas/membership.events/NAME-REVISION}):
 * one per event and revision, each describing exactly its record's fields, the value types' own values, and
 * every pinned event of {@link EventContractTest} valid against it, while what the ledger refuses is invalid.
 */
class EventSchemasTest {

    private static final String FOLDER = "/schemas/membership.events/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void there_is_a_schema_for_every_event_and_every_revision_and_no_other() throws IOException, URISyntaxException {
        List<String> expected = new ArrayList<>();
        EventTypes.all().forEach(type -> {
            for (int revision = 1; revision <= type.revision(); revision++) {
                expected.add(type.name() + "-" + revision + ".schema.json");
            }
        });
        try (Stream<Path> files = Files.list(Path.of(EventSchemasTest.class.getResource(FOLDER).toURI()))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0} revision {1}")
    @MethodSource("org.communityledger.events.wire.EventContractTest#pinnedEvents")
    void every_pinned_event_is_valid_against_its_schema(String name, int revision, CommunityEvent event,
                                                        String json) {
        assertThat(schema(name, revision).validate(JSON.readTree(json))).isEmpty();
    }

    @ParameterizedTest(name = "{0} revision {1}")
    @MethodSource("org.communityledger.events.wire.EventContractTest#pinnedEvents")
    void each_current_schema_names_its_records_fields_all_required_and_nothing_else(String name, int revision,
                                                                                  CommunityEvent event, String json) {
        assertDescribes(node(name, revision), event.getClass());
    }

    @Test
    void nested_objects_are_described_as_their_records_are() {
        assertDescribes(node("MemberJoined", 2).path("properties").path("organization"), Organization.class);
        assertDescribes(node("OrganizationalListApproved", 1).path("properties").path("positions").path("items"),
                GoverningPosition.class);
        assertThat(MemberJoined.class.getRecordComponents()).extracting(RecordComponent::getType)
                .contains(Organization.class);
        assertThat(OrganizationalListApproved.class.getRecordComponents()[1].getGenericType().getTypeName())
                .contains(GoverningPosition.class.getName());
    }

    @Test
    void the_kinds_provinces_and_roles_are_the_value_types_own() {
        List<String> kinds = Arrays.stream(OrganizationKind.values()).map(Enum::name).toList();
        List<String> provinces = Arrays.stream(Province.values()).map(Province::code).toList();
        List<String> roles = Arrays.stream(MemberRole.values()).map(Enum::name).toList();
        int checked = 0;
        for (EventType type : EventTypes.all()) {
            for (int revision = 1; revision <= type.revision(); revision++) {
                for (Map.Entry<String, JsonNode> property : allProperties(node(type.name(), revision))) {
                    List<String> expected = switch (property.getKey()) {
                        case "kind" -> kinds;
                        case "province" -> provinces;
                        case "role" -> roles;
                        default -> null;
                    };
                    if (expected != null) {
                        assertThat(JSON.convertValue(property.getValue().path("enum"), String[].class))
                                .as("%s-%d %s", type.name(), revision, property.getKey())
                                .containsExactlyElementsOf(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("enumerations checked").isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_member_joined_of_revision_1_is_valid_against_its_own_schema() {
        assertThat(schema("MemberJoined", 1).validate(JSON.readTree("""
                {"communityId":"5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10","organizationId":"91440300708461136T",
                 "name":"南方影视集团","kind":"ENTERPRISE","province":"CN-GD","joinedOn":"2025-10-19"}"""))).isEmpty();
    }

    @Test
    void what_the_ledger_refuses_is_invalid() {
        String joined = """
                {"communityId":"5f0c3b8e-2d7a-4c55-9a51-0c8f2e7d9b10","organization":{"organizationId":"hust-press",
                 "name":"华中科技大学出版社","kind":"ENTERPRISE","province":"CN-HB"},"joinedOn":"2025-10-19"}""";
        Schema schema = schema("MemberJoined", 2);
        assertThat(schema.validate(JSON.readTree(joined))).isEmpty();

        assertThat(schema.validate(JSON.readTree(joined.replace("\"joinedOn\"", "\"joinedAt\"")))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(joined.replace("hust-press", "HUST Press")))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(joined.replace("CN-HB", "CN-XX")))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(joined.replace("ENTERPRISE", "CHARITY")))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(joined.replace("2025-10-19", "19/10/2025")))).isNotEmpty();
        ObjectNode extra = (ObjectNode) JSON.readTree(joined);
        extra.put("note", "a field no revision has");
        List<Error> errors = schema.validate(extra);
        assertThat(errors).isNotEmpty();
    }

    private static void assertDescribes(JsonNode schema, Class<?> record) {
        List<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(properties(schema)).extracting(Map.Entry::getKey).as("properties of %s", record.getSimpleName())
                .containsExactlyElementsOf(fields);
        assertThat(JSON.convertValue(schema.path("required"), String[].class)).as("required of %s",
                record.getSimpleName()).containsExactlyElementsOf(fields);
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("additional properties refused").isFalse();
        properties(schema).forEach(property -> assertThat(property.getValue().path("description").asString(""))
                .as("description of %s.%s", record.getSimpleName(), property.getKey()).isNotBlank());
    }

    private static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        return new ArrayList<>(schema.path("properties").properties());
    }

    /** The properties at every depth: of the event, of its nested objects and of its arrays' items. */
    private static List<Map.Entry<String, JsonNode>> allProperties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties(schema)) {
            all.add(property);
            all.addAll(allProperties(property.getValue()));
            all.addAll(allProperties(property.getValue().path("items")));
        }
        return all;
    }

    private static Schema schema(String name, int revision) {
        try (InputStream in = resource(name, revision)) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(String name, int revision) {
        try (InputStream in = resource(name, revision)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name, int revision) {
        InputStream in = EventSchemasTest.class.getResourceAsStream(FOLDER + name + "-" + revision + ".schema.json");
        assertThat(in).as("schema of %s revision %d", name, revision).isNotNull();
        return in;
    }
}
