package newsdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import newsdesk.cli.Options.UsageException;
import newsdesk.evaluate.Bootstrap;
import newsdesk.evaluate.RougeScorer;
import newsdesk.evaluate.RougeScores;

/**
 * {@code evaluate --references REFS.jsonl --system OUT.jsonl [--baseline BASE.jsonl]}: mean ROUGE F1 x100
 * over the reference documents, with a 95% bootstrap interval. A reference without a system summary
 * scores 0. With a baseline (e.g. Lead-3), also the difference system - baseline with a paired bootstrap
 * interval (the same documents resampled for both), which is what says whether a gain is more than noise.
 */
public final class EvaluateCommand {

    static final String USAGE = "usage: java -jar target/newsdesk.jar evaluate --references REFS.jsonl --system OUT.jsonl"
            + " [--baseline BASE.jsonl]";

    private EvaluateCommand() {
    }

    public static int run(String[] args) {
        Path referencesFile;
        Path systemFile;
        Path baselineFile;
        try {
            Options options = Options.parse(args, Set.of("references", "system", "baseline"));
            referencesFile = options.existingFile("references");
            systemFile = options.existingFile("system");
            baselineFile = options.optional("baseline", null) == null ? null : options.existingFile("baseline");
        } catch (UsageException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            Map<String, String> references = JsonLines.fieldById(referencesFile, "summary");
            Map<String, String> system = JsonLines.fieldById(systemFile, "summary");
            List<RougeScores> scores = scores(references, system);
            long missing = references.keySet().stream().filter(id -> !system.containsKey(id)).count();
            print(System.out, scores, missing);
            if (baselineFile != null) {
                printDifference(System.out, scores, scores(references, JsonLines.fieldById(baselineFile, "summary")));
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("evaluate: cannot read or write a file: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    private static List<RougeScores> scores(Map<String, String> references, Map<String, String> system) {
        return references.entrySet().stream()
                .map(reference -> system.containsKey(reference.getKey())
                        ? RougeScorer.score(reference.getValue(), system.get(reference.getKey()))
                        : RougeScores.ZERO)
                .toList();
    }

    private static void print(PrintStream out, List<RougeScores> scores, long missing) {
        out.printf(Locale.ROOT, "documents: %d (without a system summary, scored 0: %d)%n", scores.size(), missing);
        out.println("metric       F1x100   95% CI");
        line(out, "ROUGE-1", scores, RougeScores::rouge1);
        line(out, "ROUGE-2", scores, RougeScores::rouge2);
        line(out, "ROUGE-L", scores, RougeScores::rougeL);
        line(out, "ROUGE-Lsum", scores, RougeScores::rougeLsum);
    }

    private static void printDifference(PrintStream out, List<RougeScores> scores, List<RougeScores> baseline) {
        out.println("system - baseline (paired bootstrap)");
        differenceLine(out, "ROUGE-1", scores, baseline, RougeScores::rouge1);
        differenceLine(out, "ROUGE-2", scores, baseline, RougeScores::rouge2);
        differenceLine(out, "ROUGE-L", scores, baseline, RougeScores::rougeL);
        differenceLine(out, "ROUGE-Lsum", scores, baseline, RougeScores::rougeLsum);
    }

    private static void differenceLine(PrintStream out, String metric, List<RougeScores> scores, List<RougeScores> baseline,
                                       ToDoubleFunction<RougeScores> f1) {
        double[] differences = new double[scores.size()];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = (f1.applyAsDouble(scores.get(i)) - f1.applyAsDouble(baseline.get(i))) * 100;
        }
        printMean(out, metric, differences);
    }

    private static void line(PrintStream out, String metric, List<RougeScores> scores, ToDoubleFunction<RougeScores> f1) {
        printMean(out, metric, scores.stream().mapToDouble(f1).map(value -> value * 100).toArray());
    }

    private static void printMean(PrintStream out, String metric, double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        Bootstrap.Interval interval = Bootstrap.interval95(values);
        out.printf(Locale.ROOT, "%-12s %6.2f   [%.2f, %.2f]%n", metric, mean, interval.low(), interval.high());
    }
}
