package io.eventum.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the JSON a JMH run writes with {@code -rf json}. */
public final class JmhResults {

    private JmhResults() {
    }

    /** The results in the file, in the order JMH ran them. */
    public static List<JmhResult> read(Path json) throws IOException {
        return parse(Files.readString(json));
    }

    /**
     * The results in a JMH JSON document. Each benchmark must have an {@code events} parameter
     * (replay) or a {@code batch} parameter (append), or be a writers benchmark (its size is its
     * thread count), and a time-per-operation score (average or sampled time).
     *
     * @throws IOException if the text is not JSON
     * @throws IllegalArgumentException if a benchmark lacks a size parameter or has another unit
     */
    public static List<JmhResult> parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode run : root) {
            String benchmark = run.path("benchmark").asText();
            JsonNode params = run.path("params");
            Subject subject = Subject.of(benchmark);
            JsonNode size = params.has("events") ? params.get("events") : params.has("batch") ? params.get("batch")
                    : subject.kind() == Subject.Kind.WRITERS ? run.get("threads") : null;
            if (size == null) {
                throw new IllegalArgumentException(benchmark + " has neither an 'events' nor a 'batch' parameter");
            }
            if (!durable(run)) {
                subject = subject.withoutFsync();
            }
            JsonNode primary = run.path("primaryMetric");
            double toMicros = microsPer(primary.path("scoreUnit").asText(), benchmark);
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            JsonNode percentiles = primary.path("scorePercentiles");
            results.add(new JmhResult(benchmark, subject, Integer.parseInt(size.asText()),
                    primary.path("score").asDouble() * toMicros,
                    number(primary.path("scoreError")) * toMicros,
                    alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble(),
                    number(percentiles.path("50.0")) * toMicros, number(percentiles.path("99.0")) * toMicros));
        }
        return results;
    }

    /**
     * Whether the run's PostgreSQL had durable commits: yes unless its JVM was started with
     * {@code -Deventum.postgres.durable=false} (see {@code PostgresDatabase}).
     */
    private static boolean durable(JsonNode run) {
        for (JsonNode argument : run.path("jvmArgs")) {
            if (argument.asText().equals("-Deventum.postgres.durable=false")) {
                return false;
            }
        }
        return true;
    }

    /** JMH writes "NaN" as a string when one iteration gives no error estimate. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static double microsPer(String unit, String benchmark) {
        String[] parts = unit.split("/");
        if (parts.length != 2 || !parts[1].equals("op")) {
            throw new IllegalArgumentException(benchmark + " reports " + unit + ", expected time per operation");
        }
        TimeUnit timeUnit = switch (parts[0]) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException(benchmark + " reports an unknown unit " + unit);
        };
        return timeUnit.toNanos(1) / 1_000.0;
    }
}
