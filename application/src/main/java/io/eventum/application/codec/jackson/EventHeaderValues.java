package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.InjectableValues;
import io.eventum.application.store.StoredEvent;

/** Supplies one stored event's header fields to the event record's constructor. */
final class EventHeaderValues extends InjectableValues {

    private final StoredEvent event;

    EventHeaderValues(StoredEvent event) {
        this.event = event;
    }

    @Override
    public Object findInjectableValue(DeserializationContext context, Object valueId, BeanProperty property, Object instance,
                                      Boolean optional, Boolean useInput) {
        return switch ((String) valueId) {
            case EventHeaderIntrospector.ORIGINATOR_ID -> event.aggregateId();
            case EventHeaderIntrospector.ORIGINATOR_VERSION -> event.version();
            case EventHeaderIntrospector.TIMESTAMP -> event.timestamp();
            default -> throw new IllegalStateException("no injectable value " + valueId);
        };
    }

    /** The pre-2.20 form of the lookup, still abstract in Jackson 2; delegates to the current one. */
    @Deprecated
    @Override
    public Object findInjectableValue(Object valueId, DeserializationContext context, BeanProperty property, Object instance) {
        return findInjectableValue(context, valueId, property, instance, Boolean.FALSE, Boolean.FALSE);
    }
}
