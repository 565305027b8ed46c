package newsdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsdesk.cli.Options.UsageException;
import newsdesk.summarize.SummarizerTraining;
import newsdesk.summarize.SummaryLength;

/**
 * {@code train-summarizer --input A.jsonl[,B.jsonl...] [--weights 1,0.75...] --output MODEL.tsv [--folds K --predictions OUT.jsonl]}:
 * trains the summarizer's sentence scorer on {"id", "article", "summary"[, "title"]} lines and writes the
 * model file (the jar's is src/main/resources/newsdesk/summarize/sentence-scorer.tsv). The stories of each
 * input file weigh as given in the fit (1 by default), so a small second set can count less. With --folds it also
 * writes out-of-fold summaries, each story summarised by a model trained on the other folds, for
 * {@code evaluate}. The length options are those of {@code summarize}.
 */
public final class TrainSummarizerCommand {

    static final String USAGE = "usage: java -jar target/newsdesk.jar train-summarizer --input A.jsonl[,B.jsonl...] [--weights W1,W2...]"
            + " --output MODEL.tsv"
            + " [--folds K --predictions OUT.jsonl] [--sentences N] [--ratio R --ratio-min MIN --ratio-max MAX]";

    private TrainSummarizerCommand() {
    }

    public static int run(String[] args) {
        List<Path> inputs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Path output;
        Path predictions;
        int folds;
        SummaryLength length;
        try {
            Options options = Options.parse(args, Set.of("input", "weights", "output", "folds", "predictions",
                    "sentences", "ratio", "ratio-min", "ratio-max"));
            for (String name : options.required("input").split(",")) {
                Path input = Path.of(name);
                if (!Files.isRegularFile(input)) {
                    throw new UsageException("--input: no such file: " + input);
                }
                inputs.add(input);
            }
            weights.addAll(weights(options.optional("weights", null), inputs.size()));
            output = Path.of(options.required("output"));
            predictions = options.optional("predictions", null) == null ? null : Path.of(options.required("predictions"));
            folds = options.positiveInt("folds", 0);
            if ((predictions == null) != (folds == 0)) {
                throw new UsageException("--folds and --predictions go together");
            }
            length = SummarizeCommand.length(options);
        } catch (UsageException e) {
            System.err.println("train-summarizer: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            List<SummarizerTraining.Story> stories = new ArrayList<>();
            for (int file = 0; file < inputs.size(); file++) {
                Path input = inputs.get(file);
                double weight = weights.get(file);
                JsonLines.forEach(input, line -> stories.add(new SummarizerTraining.Story(
                        JsonLines.text(line, "id", input),
                        line.hasNonNull("title") ? line.get("title").asText() : null,
                        JsonLines.text(line, "article", input),
                        JsonLines.text(line, "summary", input),
                        weight)));
            }
            SummarizerTraining training = new SummarizerTraining(stories);
            if (predictions != null) {
                writePredictions(training.outOfFoldSummaries(folds, length), predictions);
            }
            Files.writeString(output, training.model(), StandardCharsets.UTF_8);
            System.err.printf("trained the sentence scorer on %d stories: %s%n", stories.size(), output);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("train-summarizer: cannot read or write a file: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("train-summarizer: " + e.getMessage());
            return 1;
        }
    }

    /** One positive weight per input file, all 1 if not given. */
    private static List<Double> weights(String list, int inputs) throws UsageException {
        if (list == null) {
            return Collections.nCopies(inputs, 1.0);
        }
        String[] values = list.split(",");
        if (values.length != inputs) {
            throw new UsageException("--weights needs one weight per --input file");
        }
        List<Double> weights = new ArrayList<>();
        for (String value : values) {
            try {
                double weight = Double.parseDouble(value);
                if (weight > 0 && Double.isFinite(weight)) {
                    weights.add(weight);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--weights must be positive numbers, not " + value);
        }
        return weights;
    }

    private static void writePredictions(Map<String, List<String>> summaries, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<String>> summary : summaries.entrySet()) {
                ObjectNode line = JsonLines.MAPPER.createObjectNode();
                line.put("id", summary.getKey());
                line.put("summary", String.join("\n", summary.getValue()));
                writer.write(line.toString());
                writer.newLine();
            }
        }
    }
}
