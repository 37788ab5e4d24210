package io.eventum.store.tck;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.Map;

/** The contract's carrier of arbitrary values: a memo whose events hold any text and tags a user could give. */
final class Memo extends AggregateRoot<Memo, Memo.Event> {

    sealed interface Event permits Written {
    }

    record Written(String text, Map<String, String> tags, long count, boolean flag) implements Event {
    }

    static final AggregateType<Memo, Event> TYPE = AggregateType.of(Memo.class, Event.class, (memo, event) -> memo == null ? new Memo() : memo);
}
