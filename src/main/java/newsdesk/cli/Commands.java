package newsdesk.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import newsdesk.Version;
import newsdesk.bench.Benchmark;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The command line: {@code java -jar target/newsdesk.jar [COMMAND [OPTIONS]]}. Without arguments the
 * jar runs the service; this takes everything else: the tools that share the jar, --help and --version.
 * A command or option it does not know is a mistake: the usage goes to stderr with exit code 2.
 */
public final class Commands {

    /** Exit code for a command line that cannot be run as given. */
    public static final int EXIT_USAGE = 2;

    /** A tool: its name, one line on what it does, its usage with options, and how it runs (returning the exit code). */
    private record Command(String name, String summary, String usage, Function<String[], Integer> run) {
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("demo", "try Newsdesk without a DeepL key: the DeepL simulator, a sample article, a temporary data folder",
                    DemoCommand.USAGE, DemoCommand::run),
            new Command("summarize", "summarize the articles of a JSON Lines file (English, no DeepL)",
                    SummarizeCommand.USAGE, SummarizeCommand::run),
            new Command("evaluate", "score summaries against reference summaries (ROUGE, with 95% intervals)",
                    EvaluateCommand.USAGE, EvaluateCommand::run),
            new Command("train-summarizer", "train the summarizer's sentence scorer on stories with reference summaries",
                    TrainSummarizerCommand.USAGE, TrainSummarizerCommand::run),
            new Command("bench", "measure throughput and start-up against the DeepL simulator",
                    Benchmark.USAGE, Benchmark::run),
            new Command("extract", "show what Newsdesk reads from article files (any format), or score web-page extraction",
                    ExtractCommand.USAGE, ExtractCommand::run));

    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    private Commands() {
    }

    public static int run(String[] args) {
        String first = args[0];
        if (HELP.contains(first)) {
            System.out.print(usage());
            return 0;
        }
        if (first.equals("--version")) {
            System.out.println("Newsdesk " + Version.get());
            return 0;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(first)).findFirst().orElse(null);
        if (command == null) {
            System.err.println("newsdesk: " + (first.startsWith("-") ? "unknown option " : "unknown command ") + first
                    + closest(first).map(name -> " (did you mean " + name + "?)").orElse(""));
            System.err.print(usage());
            return EXIT_USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.stream(rest).anyMatch(HELP::contains)) {
            System.out.println(command.name() + ": " + command.summary() + ".");
            System.out.println(command.usage());
            return 0;
        }
        return command.run().apply(rest);
    }

    /** The jar's --help: what it does, the commands, the settings that matter and where the docs are. */
    static String usage() {
        StringBuilder usage = new StringBuilder("""
                Newsdesk %s: German news articles dropped into an inbox folder come out translated into English
                (DeepL) and summarized, as JSON in an outbox folder or on a queue.

                usage: java -jar target/newsdesk.jar                 run the service (from the project folder)
                       java -jar target/newsdesk.jar COMMAND [--help] [OPTIONS]
                       java -jar target/newsdesk.jar --help | --version

                Commands:
                """.formatted(Version.get()));
        COMMANDS.forEach(c -> usage.append(String.format("  %-17s %s%n", c.name(), c.summary())));
        usage.append("""

                Settings that matter (environment variables; every setting, with its default, is in
                config/application.properties and docs/configuration.md):
                  DEEPL_AUTH_KEY              your DeepL API key (or DEEPL_AUTH_KEY_FILE: a file holding it)
                  NEWSDESK_DATA_DIR           the folder holding inbox/, outbox/, archive/ and error/
                  NEWSDESK_TARGET_LANGUAGE    the language results are in
                  NEWSDESK_SUMMARY_SENTENCES  sentences per summary
                  NEWSDESK_DELIVER_TARGETS    where results go: file, jms, kafka
                  NEWSDESK_MONITORING_PORT    the port of /observe/health and /observe/metrics
                  NEWSDESK_HOME               the project folder (config/, routes/), when not run from it

                Docs: README.md, and one page per topic in docs/ in the project folder (every setting:
                docs/configuration.md; the result JSON: docs/output-format.md; health, metrics, logs:
                docs/monitoring.md).
                """);
        return usage.toString();
    }

    /** The command a misspelt name most likely meant: at most two letters off, or a third of the name. */
    private static Optional<String> closest(String name) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        int limit = Math.max(2, name.length() / 3);
        return COMMANDS.stream().map(Command::name)
                .filter(candidate -> distance.apply(name, candidate) <= limit)
                .min(Comparator.comparingInt(candidate -> distance.apply(name, candidate)));
    }
}
