package io.eventum.application.jackson;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.eventum.domain.DomainEvent;

import java.util.Set;

/**
 * Keeps an event's header (originator id, version, timestamp) out of its JSON payload and injects
 * it back on decode. The store keeps the header in its own columns, in binary or numeric form;
 * repeating it inside the JSON would waste space and cost a timestamp parse per event on replay.
 */
final class EventHeaderIntrospector extends JacksonAnnotationIntrospector {

    static final String ORIGINATOR_ID = "originatorId";
    static final String ORIGINATOR_VERSION = "originatorVersion";
    static final String TIMESTAMP = "timestamp";
    private static final Set<String> HEADER = Set.of(ORIGINATOR_ID, ORIGINATOR_VERSION, TIMESTAMP);

    @Override
    public JsonProperty.Access findPropertyAccess(Annotated annotated) {
        if (isHeader(annotated)) {
            return JsonProperty.Access.WRITE_ONLY;
        }
        return super.findPropertyAccess(annotated);
    }

    @Override
    public JacksonInject.Value findInjectableValue(AnnotatedMember member) {
        if (member instanceof AnnotatedParameter && isHeader(member)) {
            return JacksonInject.Value.construct(member.getName(), Boolean.FALSE, Boolean.FALSE);
        }
        return super.findInjectableValue(member);
    }

    private static boolean isHeader(Annotated annotated) {
        if (!(annotated instanceof AnnotatedMember member)) {
            return false;
        }
        String name = member instanceof AnnotatedParameter parameter ? parameterName(parameter) : member.getName();
        return name != null && HEADER.contains(name) && DomainEvent.class.isAssignableFrom(member.getDeclaringClass());
    }

    private static String parameterName(AnnotatedParameter parameter) {
        var owner = parameter.getOwner().getMember();
        if (owner instanceof java.lang.reflect.Constructor<?> constructor) {
            return constructor.getParameters()[parameter.getIndex()].getName();
        }
        return null;
    }
}
