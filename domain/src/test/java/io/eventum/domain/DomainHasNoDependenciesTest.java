package io.eventum.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The domain module depends on nothing but the JDK. This fails the build if a dependency creeps
 * into its main code (the pom may only hold test-scoped dependencies). {@code check} asserts the
 * rule: it throws an AssertionError naming each offending dependency.
 */
class DomainHasNoDependenciesTest {

    @Test
    void domain_classes_depend_only_on_java() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventum.domain");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.eventum.domain..", "java..")
                .because("the domain module depends on nothing but java.base")
                .check(domain);
    }
}
