package io.eventum.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a JMH JSON result file into the report benchmarks/README.md links to: {@code results.md} (the tables
 * and the targets) and {@code results.png} (the charts), written into an output folder.
 *
 * <pre>{@code java -Djava.awt.headless=true -cp benchmarks.jar io.eventum.benchmarks.report.ReportWriter jmh-result.json results/}</pre>
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param args the JMH JSON file, then the output folder
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReportWriter <jmh-result.json> <output folder>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path outputs = Path.of(args[1]);
        Files.createDirectories(outputs);
        List<JmhResult> results = JmhResults.read(Path.of(args[0]));
        Files.writeString(outputs.resolve("results.md"), markdown(results));
        ResultChart.save(results, outputs.resolve("results.png"));
        System.out.println("wrote " + outputs.resolve("results.md") + " and " + outputs.resolve("results.png"));
    }

    /** The tables, then the targets. */
    public static String markdown(List<JmhResult> results) {
        String targets = Targets.markdown(results);
        return ResultTable.markdown(results)
                + (targets.isEmpty() ? "" : "### Targets (measured, not asserted)\n\n" + targets);
    }
}
