package org.communityledger.query.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;

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

    /** Background work runs on executors Spring's builders make and the context shuts down, never on ad hoc ones. */
    @ArchTest
    static final ArchRule no_thread_is_made_by_hand = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Executors.class)
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))));
}
