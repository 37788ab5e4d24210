package io.eventum.store.tck;

import io.eventum.application.Repository;
import io.eventum.application.Snapshotting;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and snapshots outlive their classes: data written at schema version 1 reads at version 3
 * through two upcasters, after a round trip through the store.
 */
abstract class SchemaEvolutionContract {

    abstract EventStore store();

    abstract SnapshotStore snapshots();

    /** Version 1 of an event, as the code of last year wrote it. */
    record PriceSetV1(UUID originatorId, long originatorVersion, Instant timestamp, String name, int price) implements DomainEvent {
    }

    /** Version 3: the price became cents plus a currency (v2), the name became the title (v3). */
    record PriceSet(UUID originatorId, long originatorVersion, Instant timestamp, String title, long priceCents, String currency)
            implements DomainEvent {
    }

    private static final EventTypeRegistry V1 = EventTypeRegistry.builder().register("Shop.PriceSet", PriceSetV1.class).build();

    private static final EventTypeRegistry V3 = EventTypeRegistry.builder()
            .register("Shop.PriceSet", PriceSet.class, 3)
            .upcaster("Shop.PriceSet", 1, json -> {
                json.put("priceCents", ((Number) json.remove("price")).longValue() * 100);
                json.put("currency", "EUR");
                return json;
            })
            .upcaster("Shop.PriceSet", 2, json -> {
                json.put("title", json.remove("name"));
                return json;
            })
            .build();

    @Test
    void an_event_written_as_v1_reads_as_v3_through_two_upcasters() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T07:00:00.000001Z");
        store().append(List.of(new JacksonEventCodec(V1).encode(new PriceSetV1(id, 1, at, "Tea", 3))));
        // when
        List<StoredEvent> stored = store().read(id, AggregateQuery.all());
        DomainEvent decoded = new JacksonEventCodec(V3).decode(stored.get(0));
        // then
        assertThat(stored.get(0).type()).isEqualTo("Shop.PriceSet");
        assertThat(decoded).isEqualTo(new PriceSet(id, 1, at, "Tea", 300, "EUR"));
    }

    @Test
    void events_of_old_and_current_versions_mix_in_one_stream() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T07:00:00Z");
        store().append(List.of(new JacksonEventCodec(V1).encode(new PriceSetV1(id, 1, at, "Tea", 3))));
        JacksonEventCodec current = new JacksonEventCodec(V3);
        store().append(List.of(current.encode(new PriceSet(id, 2, at, "Green tea", 450, "CHF"))));
        // when
        List<DomainEvent> decoded = store().read(id, AggregateQuery.all()).stream().map(current::decode).toList();
        // then
        assertThat(store().read(id, AggregateQuery.all())).extracting(StoredEvent::type).containsExactly("Shop.PriceSet", "Shop.PriceSet@v3");
        assertThat(decoded).containsExactly(new PriceSet(id, 1, at, "Tea", 300, "EUR"), new PriceSet(id, 2, at, "Green tea", 450, "CHF"));
    }

    /** Version 1 of Tally's snapshot state: no count of additions yet. */
    record TallyStateV1(String name, long total) {
    }

    @Test
    void a_snapshot_written_as_v1_is_upcast_and_used_by_the_load() {
        // given a tally with a snapshot whose state was written by version 1 of the state class
        JacksonEventCodec eventsOnly = new JacksonEventCodec(RepositoryContract.TYPES);
        Repository<Tally, Tally.Event> writer = new Repository<>(store(), eventsOnly, Tally.Event.class, Tally.MUTATOR);
        Tally tally = Tally.open("old");
        tally.add(5);
        tally.add(7);
        writer.save(tally);
        JacksonEventCodec v1 = new JacksonEventCodec(EventTypeRegistry.builder().registerState("Tally.State", TallyStateV1.class).build());
        snapshots().save(v1.encodeSnapshot(tally.id(), 3, tally.createdOn(), tally.lastModifiedOn(), new TallyStateV1("old", 12)));
        // when loading with the state at version 2, which counts additions
        EventTypeRegistry v2 = EventTypeRegistry.builder()
                .register("Tally.Opened", Tally.Opened.class)
                .register("Tally.Added", Tally.Added.class)
                .register("Tally.Closed", Tally.Closed.class)
                .registerState("Tally.State", Tally.State.class, 2)
                .upcaster("Tally.State", 1, json -> {
                    json.put("additions", -1);
                    return json;
                })
                .build();
        JacksonEventCodec codec = new JacksonEventCodec(v2);
        Repository<Tally, Tally.Event> reader = new Repository<>(store(), codec, Tally.Event.class, Tally.MUTATOR, snapshots(), codec,
                Snapshotting.of(Tally.class, Tally.State.class, Tally::state, Tally::restore));
        Tally loaded = reader.get(tally.id());
        // then the state came from the upcast snapshot, not from the events
        assertThat(loaded.additions()).isEqualTo(-1);
        assertThat(loaded.total()).isEqualTo(12);
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.createdOn()).isEqualTo(tally.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(tally.lastModifiedOn());
        assertThat(loaded.name()).isEqualTo("old");
    }
}
