package io.eventum.store.tck;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.EventEnvelope;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** An event codec that counts decodes, so a test can see how many events a load replayed. */
final class CountingCodec implements EventCodec {

    private final EventCodec delegate;
    private final AtomicInteger decoded = new AtomicInteger();

    CountingCodec(EventCodec delegate) {
        this.delegate = delegate;
    }

    @Override
    public EventRecord encode(EventEnvelope<?> envelope) {
        return delegate.encode(envelope);
    }

    @Override
    public Object decode(StoredEvent event) {
        decoded.incrementAndGet();
        return delegate.decode(event);
    }

    @Override
    public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
        return delegate.encodeSnapshot(aggregateId, version, createdOn, lastModifiedOn, state);
    }

    @Override
    public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
        return delegate.decodeSnapshot(snapshot);
    }

    /** How many events were decoded since the last call. */
    int takeCount() {
        return decoded.getAndSet(0);
    }
}
