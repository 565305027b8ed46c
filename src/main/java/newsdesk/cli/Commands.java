package newsdesk.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import newsdesk.bench.Benchmark;

/** The command-line tools that share the jar with the service: {@code java -jar newsdesk.jar <command> ...}. */
public final class Commands {

    /** Each tool takes its own arguments and returns the process exit code. */
    private static final Map<String, Function<String[], Integer>> COMMANDS = Map.of(
            "summarize", SummarizeCommand::run, "evaluate", EvaluateCommand::run, "bench", Benchmark::run,
            "extract", ExtractCommand::run);

    private Commands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.containsKey(args[0]);
    }

    public static int run(String[] args) {
        return COMMANDS.get(args[0]).apply(Arrays.copyOfRange(args, 1, args.length));
    }
}
