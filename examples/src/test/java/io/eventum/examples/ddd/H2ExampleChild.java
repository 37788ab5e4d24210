package io.eventum.examples.ddd;

import io.eventum.application.store.EventRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A process that opens the example's {@code h2} store choice the way the example does (its file
 * under {@code target/eventum-example/} of the working directory), for {@link H2ExampleFileDurabilityTest}:
 * <ul>
 *   <li>{@code append-then-halt N}: appends N events to a new aggregate, one per append, prints
 *       {@code ACK <last position>} and halts at once, without closing anything;</li>
 *   <li>{@code last-position}: prints {@code LAST <position>} and closes the store.</li>
 * </ul>
 */
final class H2ExampleChild {

    private H2ExampleChild() {
    }

    public static void main(String[] args) {
        StoreChoice.OpenedStore opened = StoreChoice.h2.open(new StoreChoice.Connection(null, null, null));
        if (args[0].equals("last-position")) {
            print("LAST " + opened.store().lastPosition());
            opened.close();
            return;
        }
        UUID id = UUID.randomUUID();
        long last = 0;
        for (long version = 1; version <= Long.parseLong(args[1]); version++) {
            EventRecord event = new EventRecord(id, version, "Counted", ("{\"n\":" + version + "}").getBytes(StandardCharsets.UTF_8),
                    Map.of(), Instant.now());
            last = opened.store().append(List.of(event)).get(0);
        }
        print("ACK " + last);
        Runtime.getRuntime().halt(0);
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
