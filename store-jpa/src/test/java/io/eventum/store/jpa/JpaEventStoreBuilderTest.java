package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder refuses configurations that cannot work, before touching a database. */
class JpaEventStoreBuilderTest {

    @Test
    void a_builder_without_a_url_or_a_factory_is_refused() {
        assertThatThrownBy(() -> JpaEventStore.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither");
    }

    @Test
    void a_builder_with_both_a_url_and_a_factory_is_refused() {
        try (TestDatabase.UserPersistenceUnit application = TestDatabase.H2.userPersistenceUnit(TestDatabase.H2.freshUrl())) {
            assertThatThrownBy(() -> JpaEventStore.builder().jdbcUrl("jdbc:h2:mem:x", "sa", "")
                    .entityManagerFactory(application.factory()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        }
    }

    @Test
    void a_current_entity_manager_without_its_factory_is_refused() {
        assertThatThrownBy(() -> JpaEventStore.builder().jdbcUrl("jdbc:h2:mem:x", "sa", "").currentEntityManager(() -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EntityManagerFactory");
    }

    @Test
    void nonsensical_settings_are_refused_where_they_are_given() {
        assertThatThrownBy(() -> JpaEventStore.builder().jdbcUrl(" ", "sa", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaEventStore.builder().entityManagerFactory(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaEventStore.builder().currentEntityManager(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaEventStore.builder().maximumPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaEventStore.builder().fetchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaEventStore.builder().connectionTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_database_that_cannot_be_reached_fails_the_build_clearly() {
        assertThatThrownBy(() -> JpaEventStore.builder().jdbcUrl("jdbc:postgresql://localhost:1/none", "postgres", "")
                .connectionTimeout(Duration.ofMillis(250)).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("connecting to jdbc:postgresql://localhost:1/none failed: cannot reach the database");
    }
}
