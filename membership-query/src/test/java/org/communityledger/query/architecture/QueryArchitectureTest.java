package org.communityledger.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side knows only the wire contract and the topic. The module graph already keeps the command
 * module off its classpath; this also catches a reference by name (say, a copied class or Axon types).
 */
@AnalyzeClasses(packages = "org.communityledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryArchitectureTest {

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.communityledger.command..", "org.axonframework..");

    @ArchTest
    static final ArchRule views_are_read_without_kafka = noClasses()
            .that().resideInAPackage("org.communityledger.query.community..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("org.communityledger.query.(*)..")
            .should().beFreeOfCycles();
}
