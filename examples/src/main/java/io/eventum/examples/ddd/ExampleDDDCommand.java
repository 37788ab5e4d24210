package io.eventum.examples.ddd;

import io.eventum.application.store.EventStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The command line of the seed's example: {@code --store} picks the store, {@code --url} points a
 * database store at a running server instead of an embedded one, {@code --verbose} shows the
 * databases' and the pool's INFO logs (only their warnings and errors otherwise). A bad option, an
 * option the chosen store would ignore, or an unreachable database prints one line and exits with
 * code 2.
 */
@Command(name = "eventum-example",
        description = "Runs the seed's \"Aggregates in DDD\" scenario step by step on the store you pick.")
public final class ExampleDDDCommand implements Callable<Integer> {

    /** The exit code of a bad option or an unreachable database. */
    public static final int USAGE_OR_CONNECTION_ERROR = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--store", defaultValue = "inmemory", paramLabel = "STORE",
            description = "Where events are stored: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    StoreChoice store;

    @Option(names = "--url", paramLabel = "URL", description = "A running database to use instead of the embedded one.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "The database user, with --url.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The database password, with --url.")
    String password;

    @Option(names = {"-v", "--verbose"}, description = "Show the databases' and the pool's INFO logs, not only their warnings.")
    boolean verbose;

    private final PrintWriter out;
    private final PrintWriter err;

    ExampleDDDCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        StoreChoice.Connection connection = new StoreChoice.Connection(url, user, password);
        String misused = store.misusedOption(connection);
        if (misused != null) {
            err.println("eventum-example: " + misused);
            err.flush();
            return USAGE_OR_CONNECTION_ERROR;
        }
        LibraryLogging.show(verbose);
        try (StoreChoice.OpenedStore opened = store.open(connection)) {
            new SeedScenario(out).run(opened.store(), opened.description());
            return 0;
        } catch (StoreChoice.UnreachableStoreException | EventStoreException e) {
            err.println("eventum-example: " + e.getMessage());
            err.flush();
            return USAGE_OR_CONNECTION_ERROR;
        }
    }

    /** Runs the command and returns its exit code, writing to {@code out} and {@code err}. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ExampleDDDCommand(out, err)).setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, arguments) -> {
                    err.println("eventum-example: " + ex.getMessage() + " (see --help)");
                    err.flush();
                    return USAGE_OR_CONNECTION_ERROR;
                });
        return commandLine.execute(args);
    }

    /** Runs the seed's scenario from the command line. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
