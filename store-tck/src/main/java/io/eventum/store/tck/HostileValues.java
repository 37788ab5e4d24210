package io.eventum.store.tck;

import io.eventum.application.store.StoredValues;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random values of the kinds that break stores: lone surrogates, U+0000, control characters,
 * astral characters, text near and past the port's length limits, and timestamps across (and just
 * outside) the supported range. Seeded, so a failing case can be replayed.
 */
final class HostileValues {

    private static final int[][] RANGES = {
        {0x20, 0x7e},          // ASCII
        {0x00, 0x1f},          // control characters, U+0000 among them
        {0x7f, 0x9f},          // DEL and the C1 controls
        {0xa0, 0x2ff},         // Latin
        {0x4e00, 0x4fff},      // CJK
        {0xfff0, 0xffff},      // specials, noncharacters
        {0x1f600, 0x1f64f},    // emoji (surrogate pairs in Java)
        {0xd800, 0xdfff}};     // lone surrogates

    private final Random random;

    HostileValues(long seed) {
        this.random = new Random(seed);
    }

    /** Text of up to {@code maxLength} characters, mostly harmless, sometimes hostile, rarely very long. */
    String text(int maxLength) {
        int length = random.nextInt(100) == 0 ? maxLength + random.nextInt(3) - 1 : random.nextInt(Math.min(maxLength, 40) + 1);
        StringBuilder text = new StringBuilder(length);
        boolean hostile = random.nextInt(12) == 0;
        while (text.length() < length) {
            int[] range = hostile ? RANGES[random.nextInt(RANGES.length)] : RANGES[random.nextInt(3) == 0 ? 3 + random.nextInt(4) : 0];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    /** Up to four metadata entries of hostile keys and values. */
    Map<String, String> metadata() {
        Map<String, String> metadata = new HashMap<>();
        int entries = random.nextInt(3);
        for (int i = 0; i < entries; i++) {
            metadata.put(text(StoredValues.MAX_NAME_LENGTH), text(random.nextInt(10) == 0 ? StoredValues.MAX_METADATA_VALUE_LENGTH : 60));
        }
        return metadata;
    }

    /** A timestamp anywhere from shortly before the supported range to shortly after it, with microseconds. */
    Instant timestamp() {
        long min = StoredValues.MIN_TIMESTAMP.getEpochSecond() - 86_400L * 366;
        long max = StoredValues.MAX_TIMESTAMP.getEpochSecond() + 86_400L * 366;
        long seconds = switch (random.nextInt(12)) {
            case 0 -> StoredValues.MIN_TIMESTAMP.getEpochSecond() + random.nextInt(3) - 1;
            case 1 -> StoredValues.MAX_TIMESTAMP.getEpochSecond() + random.nextInt(3) - 1;
            default -> min + (long) (random.nextDouble() * (max - min));
        };
        return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1_000L);
    }

    long number() {
        return random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
    }

    boolean flag() {
        return random.nextBoolean();
    }
}
