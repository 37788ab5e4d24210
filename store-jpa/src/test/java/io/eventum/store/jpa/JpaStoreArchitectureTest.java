package io.eventum.store.jpa;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapter's shape: it knows the application's ports, no other adapter, and no JDBC driver. Each
 * {@code @ArchTest} rule is an assertion: ArchUnit throws an AssertionError listing every violation.
 */
@AnalyzeClasses(packages = "io.eventum", importOptions = ImportOption.DoNotIncludeTests.class)
class JpaStoreArchitectureTest {

    @ArchTest
    static final ArchRule the_store_depends_on_no_other_adapter = noClasses()
            .that().resideInAPackage("io.eventum.store.jpa..")
            .should().dependOnClassesThat().resideInAnyPackage("io.eventum.store.inmemory..", "io.eventum.store.mongo..",
                    "io.eventum.store.tck..");

    @ArchTest
    static final ArchRule the_store_needs_no_particular_jdbc_driver = noClasses()
            .that().resideInAPackage("io.eventum.store.jpa..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.h2..");

    @ArchTest
    static final ArchRule only_the_store_and_its_builder_are_api = classes()
            .that().resideInAPackage("io.eventum.store.jpa..").and().arePublic()
            .should().haveSimpleName("JpaEventStore").orShould().haveSimpleName("JpaEventStoreBuilder");
}
