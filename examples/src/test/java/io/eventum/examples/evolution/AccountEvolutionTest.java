package io.eventum.examples.evolution;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.store.EventRecord;
import io.eventum.store.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's schema evolution example does what it says: old events load through their upcasters and old names. */
class AccountEvolutionTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Application app = Application.builder(store).aggregate(Account.TYPE).build();
    private final Repository<Account, Account.Event> accounts = app.repository(Account.TYPE);

    private static EventRecord stored(UUID id, long version, String type, String json) {
        return new EventRecord(id, version, type, json.getBytes(StandardCharsets.UTF_8), Map.of(), Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void events_written_by_older_code_load_through_upcasters_and_kept_names() {
        // given an account opened at version 1 of Opened, and money paid in under the old class's name
        UUID id = UUID.randomUUID();
        store.append(List.of(stored(id, 1, "Account.Opened", "{\"name\":\"Ada\"}"),
                stored(id, 2, "Account.MoneyPaidIn", "{\"cents\":250}")));
        // when
        Account account = accounts.get(id);
        // then
        assertThat(account.owner()).isEqualTo("Ada");
        assertThat(account.balanceCents()).isEqualTo(250);
    }

    @Test
    void new_events_are_stored_at_the_current_version_and_a_closed_account_is_not_found() {
        // given
        Account account = Account.open("Bea", "CHF");
        account.deposit(100);
        app.save(account);
        // when
        account.close();
        app.save(account);
        // then
        assertThat(store.read(id(account), io.eventum.application.store.AggregateQuery.all()))
                .extracting(event -> event.type()).containsExactly("Account.Opened@v3", "Account.MoneyPaidIn", "Account.Closed");
        assertThat(accounts.contains(account.id())).isFalse();
    }

    private static UUID id(Account account) {
        return account.id();
    }
}
