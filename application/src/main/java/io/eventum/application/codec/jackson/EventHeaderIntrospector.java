package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.eventum.domain.DomainEvent;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Keeps an event's header (originator id, version, timestamp) out of its JSON payload and injects
 * it back on decode. The store keeps the header in its own columns, in binary or numeric form;
 * repeating it inside the JSON would waste space and cost a timestamp parse per event on replay.
 *
 * <p>It answers only for the header properties and is paired in front of the mapper's own
 * introspector, which answers everything else.
 */
final class EventHeaderIntrospector extends NopAnnotationIntrospector {

    static final String ORIGINATOR_ID = "originatorId";
    static final String ORIGINATOR_VERSION = "originatorVersion";
    static final String TIMESTAMP = "timestamp";
    private static final Set<String> HEADER = Set.of(ORIGINATOR_ID, ORIGINATOR_VERSION, TIMESTAMP);

    @Override
    public JsonProperty.Access findPropertyAccess(Annotated annotated) {
        if (isHeader(annotated)) {
            return JsonProperty.Access.WRITE_ONLY;
        }
        return null;
    }

    @Override
    public JacksonInject.Value findInjectableValue(AnnotatedMember member) {
        if (member instanceof AnnotatedParameter parameter && isHeader(member)) {
            return JacksonInject.Value.construct(parameterName(parameter), Boolean.FALSE, Boolean.FALSE);
        }
        return null;
    }

    private static boolean isHeader(Annotated annotated) {
        if (!(annotated instanceof AnnotatedMember member)) {
            return false;
        }
        String name = member instanceof AnnotatedParameter parameter ? parameterName(parameter) : member.getName();
        return name != null && HEADER.contains(name) && DomainEvent.class.isAssignableFrom(member.getDeclaringClass());
    }

    /**
     * A creator parameter's name. For a record's canonical constructor the component name is used,
     * which is known even when the user's code was compiled without {@code -parameters}.
     */
    private static String parameterName(AnnotatedParameter parameter) {
        if (!(parameter.getOwner().getMember() instanceof Constructor<?> constructor)) {
            return null;
        }
        RecordComponent[] components = constructor.getDeclaringClass().getRecordComponents();
        if (components != null && components.length == constructor.getParameterCount()) {
            return components[parameter.getIndex()].getName();
        }
        return constructor.getParameters()[parameter.getIndex()].getName();
    }
}
