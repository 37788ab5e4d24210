package io.eventum.store.tck;

import io.eventum.application.Application;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and snapshots outlive their classes: data written at schema version 1 reads at version 3
 * through two upcasters, after a round trip through the store.
 */
abstract class SchemaEvolutionContract {

    abstract EventStore store();

    abstract SnapshotStore snapshots();

    /** The shop as last year's code had it: version 1 of its one event. */
    static final class ShopV1 extends AggregateRoot<ShopV1, ShopV1.Event> {
        sealed interface Event permits PriceSet {
        }

        record PriceSet(String name, int price) implements Event {
        }

        static final AggregateType<ShopV1, Event> TYPE = AggregateType.builder(ShopV1.class, Event.class)
                .mutator((shop, event) -> shop == null ? new ShopV1() : shop)
                .name(PriceSet.class, "Shop.PriceSet").build();
    }

    /** The shop now: the price became cents plus a currency (v2), the name became the title (v3). */
    static final class Shop extends AggregateRoot<Shop, Shop.Event> {
        sealed interface Event permits PriceSet {
        }

        record PriceSet(String title, long priceCents, String currency) implements Event {
        }

        static final AggregateType<Shop, Event> TYPE = AggregateType.builder(Shop.class, Event.class)
                .mutator((shop, event) -> shop == null ? new Shop() : shop)
                .name(PriceSet.class, "Shop.PriceSet")
                .version(PriceSet.class, 3)
                .upcaster(PriceSet.class, 1, json -> {
                    json.put("priceCents", ((Number) json.remove("price")).longValue() * 100);
                    json.put("currency", "EUR");
                    return json;
                })
                .upcaster(PriceSet.class, 2, json -> {
                    json.put("title", json.remove("name"));
                    return json;
                })
                .build();
    }

    private static final JacksonEventCodec V1 = new JacksonEventCodec(EventTypeRegistry.of(ShopV1.TYPE));
    private static final JacksonEventCodec V3 = new JacksonEventCodec(EventTypeRegistry.of(Shop.TYPE));

    private static <E> EventEnvelope<E> envelope(UUID id, long version, Instant at, E event) {
        return new EventEnvelope<>(id, version, at, event, Map.of());
    }

    @Test
    void an_event_written_as_v1_reads_as_v3_through_two_upcasters() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T07:00:00.000001Z");
        store().append(List.of(V1.encode(envelope(id, 1, at, new ShopV1.PriceSet("Tea", 3)))));
        // when
        List<StoredEvent> stored = store().read(id, AggregateQuery.all());
        Object decoded = V3.decode(stored.get(0));
        // then
        assertThat(stored.get(0).type()).isEqualTo("Shop.PriceSet");
        assertThat(decoded).isEqualTo(new Shop.PriceSet("Tea", 300, "EUR"));
    }

    @Test
    void events_of_old_and_current_versions_mix_in_one_stream() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T07:00:00Z");
        store().append(List.of(V1.encode(envelope(id, 1, at, new ShopV1.PriceSet("Tea", 3)))));
        store().append(List.of(V3.encode(envelope(id, 2, at, new Shop.PriceSet("Green tea", 450, "CHF")))));
        // when
        List<Object> decoded = store().read(id, AggregateQuery.all()).stream().map(V3::decode).toList();
        // then
        assertThat(store().read(id, AggregateQuery.all())).extracting(StoredEvent::type).containsExactly("Shop.PriceSet", "Shop.PriceSet@v3");
        assertThat(decoded).containsExactly(new Shop.PriceSet("Tea", 300, "EUR"), new Shop.PriceSet("Green tea", 450, "CHF"));
    }

    /** Version 1 of Tally's snapshot state: no count of additions yet. */
    record TallyStateV1(String name, long total) {
    }

    @Test
    void a_snapshot_written_as_v1_is_upcast_and_used_by_the_load() {
        // given a tally with a snapshot whose state was written by version 1 of the state class
        AggregateType<Tally, Tally.Event> withStateV1 = Tally.builder()
                .snapshots(TallyStateV1.class, tally -> new TallyStateV1(tally.name(), tally.total()), state -> new Tally(state.name()))
                .name(TallyStateV1.class, "Tally.State").build();
        Application writer = Application.builder(store()).snapshotStore(snapshots()).aggregate(withStateV1).build();
        Tally tally = Tally.open("old");
        tally.add(5);
        tally.add(7);
        writer.save(tally);
        writer.repository(withStateV1).takeSnapshot(tally.id());
        // when loading with the state at version 2, which counts additions
        AggregateType<Tally, Tally.Event> withStateV2 = Tally.builder()
                .snapshots(Tally.State.class, Tally::state, Tally::new)
                .version(Tally.State.class, 2)
                .upcaster(Tally.State.class, 1, json -> {
                    json.put("additions", -1);
                    return json;
                })
                .build();
        Application reader = Application.builder(store()).snapshotStore(snapshots()).aggregate(withStateV2).build();
        Tally loaded = reader.repository(withStateV2).get(tally.id());
        // then the state came from the upcast snapshot, not from the events
        assertThat(loaded.additions()).isEqualTo(-1);
        assertThat(loaded.total()).isEqualTo(12);
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.createdOn()).isEqualTo(tally.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(tally.lastModifiedOn());
        assertThat(loaded.name()).isEqualTo("old");
    }
}
