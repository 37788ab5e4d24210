package io.eventum.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Eventum's architecture as ArchUnit rules: dependencies point inward (adapters, then
 * application, then domain), Jackson stays inside the codec package (io.eventum.application.codec.jackson) and the
 * application core reaches it only through the EventCodec port, no adapter knows another,
 * and no package takes part in a cycle. {@link ArchitectureTest} checks them against the real
 * code; {@link RulesCanFailTest} shows each one catching a deliberately bad fixture.
 */
final class EventumRules {

    private EventumRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JAVA = classes()
            .that().resideInAPackage("io.eventum.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.eventum.domain..", "java..")
            .because("the domain module depends on nothing but java.base");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JAVA_AND_JACKSON = classes()
            .that().resideInAPackage("io.eventum.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.eventum.application..", "io.eventum.domain..", "java..", "tools.jackson..", "com.fasterxml.jackson.annotation..")
            .because("the application layer holds the ports and the code that uses them, nothing else");

    static final ArchRule JACKSON_ONLY_IN_THE_CODEC_PACKAGE = noClasses()
            .that().resideInAPackage("io.eventum.application..")
            .and().resideOutsideOfPackage("io.eventum.application.codec.jackson..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .because("serialization is a port: Jackson is one implementation of it, in one package");

    static final ArchRule APPLICATION_CORE_USES_THE_CODEC_PORT = noClasses()
            .that().resideInAPackage("io.eventum.application..")
            .and().resideOutsideOfPackage("io.eventum.application.codec.jackson..")
            .should().dependOnClassesThat().resideInAPackage("io.eventum.application.codec.jackson..")
            .because("the application core works with the EventCodec port; it finds Jackson's codec through"
                    + " EventCodecFactory and java.util.ServiceLoader, never by name");

    static final ArchRule DEPENDENCIES_POINT_INWARD = noClasses()
            .that().resideInAnyPackage("io.eventum.domain..", "io.eventum.application..")
            .should().dependOnClassesThat().resideInAPackage("io.eventum.store..")
            .because("adapters depend on the application's ports, never the other way round");

    static final ArchRule STORES_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("io.eventum.store.(*)..")
            .should().notDependOnEachOther()
            .because("a user picks one store module; no adapter may drag in another");

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("io.eventum.(**)")
            .should().beFreeOfCycles();
}
