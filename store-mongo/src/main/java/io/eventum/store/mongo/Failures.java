package io.eventum.store.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCursor;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.StoreUnavailableException;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the driver's exceptions into the port's, with messages that say what the store was doing. */
final class Failures {

    private static final Pattern DUPLICATE_INDEX = Pattern.compile("index: (\\S+) dup key");
    private static final Pattern EVENT_KEY = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9]{19}");

    private Failures() {
    }

    /**
     * The port's exception for a driver failure while {@code action} ran.
     *
     * @param writing whether the action wrote: a connection lost during a write leaves its outcome unknown
     */
    static EventStoreException of(String namespace, String action, MongoException e, boolean writing) {
        String cause;
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketOpenException) {
            cause = "the server could not be reached (" + e.getMessage() + ")"
                    + (writing ? "; nothing was stored" : "");
        } else if (e instanceof MongoSocketException) {
            cause = "the connection to the server failed (" + e.getMessage() + ")"
                    + (writing ? "; if the failure came after the write was sent, it may have been stored: "
                    + "read before retrying" : "");
        } else if (e instanceof MongoWriteConcernException) {
            cause = "the primary applied the write but could not confirm the write concern (" + e.getMessage()
                    + "); it may be rolled back by a failover: read before retrying";
        } else if (e instanceof MongoSecurityException) {
            cause = "the server refused the credentials (" + e.getMessage() + ")";
        } else if (e instanceof MongoServerException server) {
            cause = "the server answered with error " + server.getCode() + " (" + e.getMessage() + ")";
        } else {
            cause = e.getMessage();
        }
        String message = "MongoDB store " + namespace + ": " + action + " failed: " + cause;
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return new StoreUnavailableException(message, e);
        }
        return new EventStoreException(message, e);
    }

    /** Runs one driver call, turning its failure into the port's exception. */
    static <T> T call(String namespace, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoException e) {
            throw of(namespace, action, e, false);
        }
    }

    /** Whether a write failed because a unique index already held one of its keys. */
    static boolean isDuplicateKey(MongoWriteException e) {
        return ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /** The name of the index a duplicate-key error names, if its message has the server's usual form. */
    static Optional<String> duplicateIndex(MongoWriteException e) {
        Matcher matcher = DUPLICATE_INDEX.matcher(String.valueOf(e.getError().getMessage()));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The event key ({@link Layout#key}) a duplicate-key error quotes, if any. */
    static Optional<String> duplicateEventKey(MongoWriteException e) {
        Matcher matcher = EVENT_KEY.matcher(String.valueOf(e.getError().getMessage()));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** A cursor whose driver failures surface as the port's exception; what the caller's code throws is untouched. */
    static <T> Cursor<T> cursor(String namespace, String action, Supplier<MongoCursor<T>> open) {
        return new Cursor<>(namespace, action, call(namespace, action, open));
    }

    /** See {@link #cursor}. */
    static final class Cursor<T> implements AutoCloseable {
        private final String namespace;
        private final String action;
        private final MongoCursor<T> cursor;

        private Cursor(String namespace, String action, MongoCursor<T> cursor) {
            this.namespace = namespace;
            this.action = action;
            this.cursor = cursor;
        }

        boolean hasNext() {
            try {
                return cursor.hasNext();
            } catch (MongoException e) {
                throw of(namespace, action, e, false);
            }
        }

        T next() {
            try {
                return cursor.next();
            } catch (MongoException e) {
                throw of(namespace, action, e, false);
            }
        }

        @Override
        public void close() {
            try {
                cursor.close();
            } catch (MongoException ignored) {
                // The server forgets an abandoned cursor on its own; failing to kill it must not hide the result.
            }
        }
    }
}
