package io.eventum.application.codec;

/**
 * Makes the codec of an application from its type registry. An application built without a codec
 * of its own takes the first factory that {@link java.util.ServiceLoader} finds (Eventum's Jackson
 * codec ships one), so the application core never names a codec implementation.
 */
@FunctionalInterface
public interface EventCodecFactory {

    /**
     * A codec for the types in {@code types}.
     *
     * @throws IllegalArgumentException if the codec cannot serialize one of the types
     */
    EventCodec create(EventTypeRegistry types);
}
