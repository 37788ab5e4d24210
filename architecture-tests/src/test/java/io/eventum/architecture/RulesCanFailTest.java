package io.eventum.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.eventum.application.fixture.KnowsAStore;
import io.eventum.application.fixture.UsesJacksonOutsideTheCodec;
import io.eventum.application.fixture.UsesTheJacksonCodec;
import io.eventum.application.fixture.UsesTheNetwork;
import io.eventum.application.fixture.cycle.a.Chicken;
import io.eventum.application.fixture.cycle.b.Egg;
import io.eventum.domain.fixture.DependsOnJackson;
import io.eventum.store.alpha.AlphaStore;
import io.eventum.store.beta.BetaHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Each rule catches a deliberately bad fixture, so a passing {@link ArchitectureTest} means something. */
class RulesCanFailTest {

    private static JavaClasses fixture(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void assertViolation(ArchRule rule, JavaClasses classes, String offender) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(offender);
    }

    @Test
    void a_domain_class_that_uses_jackson_breaks_the_domain_rule() {
        assertViolation(EventumRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, fixture(DependsOnJackson.class), DependsOnJackson.class.getName());
    }

    @Test
    void an_application_class_that_uses_another_library_breaks_the_application_rule() {
        assertViolation(EventumRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JAVA_AND_JACKSON, fixture(UsesTheNetwork.class),
                UsesTheNetwork.class.getName());
    }

    @Test
    void jackson_outside_the_codec_package_breaks_the_codec_rule() {
        assertViolation(EventumRules.JACKSON_ONLY_IN_THE_CODEC_PACKAGE, fixture(UsesJacksonOutsideTheCodec.class),
                UsesJacksonOutsideTheCodec.class.getName());
    }

    @Test
    void application_code_that_builds_the_jackson_codec_breaks_the_codec_port_rule() {
        assertViolation(EventumRules.APPLICATION_CORE_USES_THE_CODEC_PORT, fixture(UsesTheJacksonCodec.class),
                UsesTheJacksonCodec.class.getName());
    }

    @Test
    void an_application_class_that_knows_a_store_breaks_the_inward_rule() {
        assertViolation(EventumRules.DEPENDENCIES_POINT_INWARD, fixture(KnowsAStore.class), KnowsAStore.class.getName());
    }

    @Test
    void one_store_using_another_breaks_the_store_rule() {
        assertViolation(EventumRules.STORES_DO_NOT_DEPEND_ON_EACH_OTHER, fixture(AlphaStore.class, BetaHelper.class),
                AlphaStore.class.getName());
    }

    @Test
    void two_packages_using_each_other_break_the_cycle_rule() {
        assertViolation(EventumRules.NO_PACKAGE_CYCLES, fixture(Chicken.class, Egg.class), Chicken.class.getName());
    }

    @Test
    void the_fixtures_break_nothing_else() {
        assertThatCode(() -> EventumRules.NO_PACKAGE_CYCLES.check(fixture(AlphaStore.class, BetaHelper.class))).doesNotThrowAnyException();
    }
}
