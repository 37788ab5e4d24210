package io.eventum.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Eventum's rules, checked against the main code of every module on this module's classpath. Each
 * {@code @ArchTest} field is an assertion: ArchUnit throws an AssertionError listing every
 * violating dependency.
 */
@AnalyzeClasses(packages = "io.eventum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java = EventumRules.DOMAIN_DEPENDS_ONLY_ON_JAVA;

    @ArchTest
    static final ArchRule application_depends_only_on_domain_java_and_jackson =
            EventumRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JAVA_AND_JACKSON;

    @ArchTest
    static final ArchRule jackson_only_in_the_codec_package = EventumRules.JACKSON_ONLY_IN_THE_CODEC_PACKAGE;

    @ArchTest
    static final ArchRule application_core_uses_the_codec_port = EventumRules.APPLICATION_CORE_USES_THE_CODEC_PORT;

    @ArchTest
    static final ArchRule dependencies_point_inward = EventumRules.DEPENDENCIES_POINT_INWARD;

    @ArchTest
    static final ArchRule stores_do_not_depend_on_each_other = EventumRules.STORES_DO_NOT_DEPEND_ON_EACH_OTHER;

    @ArchTest
    static final ArchRule no_package_cycles = EventumRules.NO_PACKAGE_CYCLES;
}
