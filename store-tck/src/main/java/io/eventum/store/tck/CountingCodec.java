package io.eventum.store.tck;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An event codec that counts decodes, so a test can see how many events a load replayed. */
final class CountingCodec implements EventCodec {

    private final EventCodec delegate;
    private final AtomicInteger decoded = new AtomicInteger();

    CountingCodec(EventCodec delegate) {
        this.delegate = delegate;
    }

    @Override
    public EventRecord encode(DomainEvent event, Map<String, String> metadata) {
        return delegate.encode(event, metadata);
    }

    @Override
    public DomainEvent decode(StoredEvent event) {
        decoded.incrementAndGet();
        return delegate.decode(event);
    }

    /** How many events were decoded since the last call. */
    int takeCount() {
        return decoded.getAndSet(0);
    }
}
