package io.eventum.application.codec.jackson;

import io.eventum.application.store.StoredValues;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every Eventum codec mapper reads events by, added to whatever mapper it is given:
 * <ul>
 *   <li>a property the class does not have fails the decode (a field removed without an upcaster
 *       would otherwise lose data silently);</li>
 *   <li>a missing or null value for a primitive component fails (it would otherwise read as 0 or
 *       false: a stored {@code {}} would load as a deposit of 0); a missing reference value reads as
 *       {@code null}, so classes can gain fields without upcasters;</li>
 *   <li>text after the JSON value fails;</li>
 *   <li>default typing is refused: stored data must never name a class to instantiate;</li>
 *   <li>a mapper whose read limits are stricter than what the store port accepts is refused, so
 *       that whatever is stored also decodes.</li>
 * </ul>
 */
final class StrictEvents {

    private StrictEvents() {
    }

    /**
     * {@code mapper} with the rules added.
     *
     * @throws IllegalArgumentException if {@code mapper} has default typing enabled
     */
    static JsonMapper apply(JsonMapper mapper) {
        if (mapper.deserializationConfig().getDefaultTyper(mapper.constructType(Object.class)) != null) {
            throw new IllegalArgumentException("the JsonMapper has default typing enabled, which lets stored data name classes to"
                    + " instantiate (a remote code execution hole); Eventum maps classes through its type registry only:"
                    + " give the codec a mapper without activateDefaultTyping");
        }
        requireLimitsAtLeastThePorts(mapper.tokenStreamFactory().streamReadConstraints());
        AnnotationIntrospector own = mapper.deserializationConfig().getAnnotationIntrospector();
        return mapper.rebuild()
                .annotationIntrospector(own == null ? new RequiredPrimitives() : AnnotationIntrospector.pair(new RequiredPrimitives(), own))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Refuses a mapper that reads with stricter limits than the store port accepts: an event could
     * then be stored and never load. Jackson 3's defaults are at least the port's.
     */
    private static void requireLimitsAtLeastThePorts(StreamReadConstraints limits) {
        if (limits.getMaxNestingDepth() < StoredValues.MAX_DEPTH
                || limits.getMaxNumberLength() < StoredValues.MAX_NUMBER_LENGTH
                || limits.getMaxStringLength() < StoredValues.MAX_PAYLOAD_BYTES
                || limits.getMaxNameLength() < 4 * StoredValues.MAX_MEMBER_NAME_LENGTH
                || (limits.hasMaxDocumentLength() && limits.getMaxDocumentLength() < 2L * StoredValues.MAX_PAYLOAD_BYTES)
                || limits.hasMaxTokenCount()) {
            throw new IllegalArgumentException("the JsonMapper reads with stricter StreamReadConstraints than the event store accepts"
                    + " (see io.eventum.application.store.StoredValues): an event could be stored and then never load");
        }
    }

    /** Marks every primitive constructor parameter as required, so that a missing one fails instead of reading as 0. */
    static final class RequiredPrimitives extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
            if (member instanceof AnnotatedParameter parameter && parameter.getRawType().isPrimitive()) {
                return Boolean.TRUE;
            }
            return null;
        }
    }
}
