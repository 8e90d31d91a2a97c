package org.communityledger.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** The command side's layering, checked on every build. Each rule fails if it matches no class at all. */
@AnalyzeClasses(packages = "org.communityledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_web_persistence_or_messaging = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule commands_are_records_used_only_inside_their_feature = classes()
            .that().haveSimpleNameStartingWith("Establish").and().areRecords()
            .or().haveSimpleNameStartingWith("Join").and().areRecords()
            .should().bePackagePrivate();

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_cycles = slices()
            .matching("org.communityledger.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_publisher_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("org.communityledger.command.publishing..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");
}
