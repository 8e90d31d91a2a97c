package org.communityledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code ledger.*} settings as Spring Boot's configuration processor described them in the module's
 * {@code META-INF/spring-configuration-metadata.json}: what an operator's IDE completes and shows.
 */
public final class ConfigurationMetadata {

    /** One setting: its name, its description (from the record's Javadoc) and its default, if declared. */
    public record Setting(String name, String description, String defaultValue) {
    }

    private final List<Setting> settings;

    private ConfigurationMetadata(List<Setting> settings) {
        this.settings = List.copyOf(settings);
    }

    /** The metadata of the module whose classes {@code anchor} belongs to (the first file on the class path). */
    public static ConfigurationMetadata of(Class<?> anchor) {
        List<Setting> settings = new ArrayList<>();
        try {
            for (URL url : Collections.list(anchor.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                if (!url.getPath().contains(anchor.getProtectionDomain().getCodeSource().getLocation().getPath())) {
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                        JsonNode defaultValue = property.get("defaultValue");
                        settings.add(new Setting(property.path("name").asText(),
                                property.path("description").asText(null),
                                defaultValue == null ? null : defaultValue.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationMetadata(settings);
    }

    public List<Setting> settings() {
        return settings;
    }

    /** The settings under {@code ledger.} without a description. */
    public List<String> undescribed() {
        return settings.stream().filter(setting -> setting.name().startsWith("ledger."))
                .filter(setting -> setting.description() == null || setting.description().isBlank())
                .map(Setting::name).toList();
    }

    /** The settings under {@code ledger.} that declare no default. */
    public List<String> withoutDefault() {
        return settings.stream().filter(setting -> setting.name().startsWith("ledger."))
                .filter(setting -> setting.defaultValue() == null).map(Setting::name).toList();
    }
}
