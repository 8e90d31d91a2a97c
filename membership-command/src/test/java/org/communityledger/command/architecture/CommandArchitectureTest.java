package org.communityledger.command.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.concurrent.Executors;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command side's layering, checked on every build. Each rule fails if it matches no class at all. */
@AnalyzeClasses(packages = "org.communityledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_web_persistence_or_messaging = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "com.fasterxml.jackson..");

    private static final String AGGREGATE = "org.communityledger.command.community";

    /** A command: what names its community with {@code @TargetAggregateIdentifier}. */
    private static final DescribedPredicate<JavaClass> NAMES_ITS_COMMUNITY =
            new DescribedPredicate<>("name their community with @TargetAggregateIdentifier") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getAllFields().stream()
                            .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class));
                }
            };

    @ArchTest
    static final ArchRule every_command_is_a_public_record_beside_its_aggregate = classes()
            .that(NAMES_ITS_COMMUNITY)
            .should().beRecords().andShould().bePublic().andShould().resideInAPackage(AGGREGATE);

    @ArchTest
    static final ArchRule every_record_beside_the_aggregate_is_a_command = classes()
            .that().resideInAPackage(AGGREGATE).and().areRecords()
            .and().doNotHaveSimpleName("CommunityProperties")
            .should(new ArchCondition<>("name its community with @TargetAggregateIdentifier") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (!NAMES_ITS_COMMUNITY.test(type)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is a record beside the "
                                + "aggregate that names no community: a command without a target, or misplaced"));
                    }
                }
            });

    @ArchTest
    static final ArchRule the_aggregates_package_holds_no_web_code = noClasses()
            .that().resideInAPackage(AGGREGATE)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.validation..", "jakarta.servlet..", "io.swagger..",
                    AGGREGATE + ".web..");

    @ArchTest
    static final ArchRule the_community_api_lives_in_its_web_package = classes()
            .that().resideInAPackage(AGGREGATE + "..")
            .and().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
            .or().haveSimpleNameEndingWith("Request").and().resideInAPackage(AGGREGATE + "..")
            .should().resideInAPackage(AGGREGATE + ".web");

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_cycles = slices()
            .matching("org.communityledger.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_publisher_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("org.communityledger.command.publishing..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");

    /** Background work runs on executors Spring's builders make and the context shuts down, never on ad hoc ones. */
    @ArchTest
    static final ArchRule no_thread_is_made_by_hand = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Executors.class)
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))));
}
