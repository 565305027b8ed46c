package newsdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import newsdesk.cli.Options.UsageException;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.summarize.SummaryLength;
import newsdesk.summarize.SummaryMethod;

/**
 * {@code summarize --input IN.jsonl --output OUT.jsonl [--sentences N]}: summarises each
 * {"id", "article"[, "title"]} line with the pipeline's summarizer (English) and writes {"id", "summary"},
 * the summary's sentences one per line. Streams both files and reports the throughput on stderr.
 * A hidden {@code --method centrality|lead|textrank} produces the methods the summarizer is compared with.
 */
public final class SummarizeCommand {

    static final String USAGE = "usage: java -jar target/newsdesk.jar summarize --input IN.jsonl --output OUT.jsonl [--sentences N]"
            + " [--ratio R --ratio-min MIN --ratio-max MAX]";
    private static final int DEFAULT_SENTENCES = 3;

    private SummarizeCommand() {
    }

    public static int run(String[] args) {
        Path input;
        Path output;
        ExtractiveSummarizer summarizer;
        try {
            Options options = Options.parse(args, Set.of("input", "output", "sentences", "ratio", "ratio-min",
                    "ratio-max", "method"));
            input = options.existingFile("input");
            output = Path.of(options.required("output"));
            summarizer = new ExtractiveSummarizer(length(options), 0, method(options.optional("method", "default")));
        } catch (UsageException e) {
            System.err.println("summarize: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            int articles = summarizeFile(summarizer, input, output);
            double seconds = (System.nanoTime() - started) / 1e9;
            // CPU time of this one thread gives the rate per core even on a busy, shared machine.
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            System.err.printf(Locale.ROOT, "summarized %d articles in %.2f s: %.0f articles/s (one thread, %.0f per CPU second)%n",
                    articles, seconds, articles / seconds, articles / cpuSeconds);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("summarize: cannot read or write a file: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("summarize: " + e.getMessage());
            return 1;
        }
    }

    /** --sentences N (3 if not given), or --ratio R of the article's sentences within --ratio-min and --ratio-max. */
    static SummaryLength length(Options options) throws UsageException {
        int sentences = options.positiveInt("sentences", DEFAULT_SENTENCES);
        double ratio = options.share("ratio", 0);
        int min = options.positiveInt("ratio-min", sentences);
        int max = options.positiveInt("ratio-max", Math.max(min, sentences));
        if (max < min) {
            throw new UsageException("--ratio-max must be at least --ratio-min");
        }
        return new SummaryLength(sentences, ratio, min, max);
    }

    private static int summarizeFile(ExtractiveSummarizer summarizer, Path input, Path output) throws IOException {
        int[] count = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            JsonLines.forEach(input, article -> {
                String title = article.hasNonNull("title") ? article.get("title").asText() : null;
                String summary = String.join("\n",
                        summarizer.summarize(title, JsonLines.text(article, "article", input), "en"));
                write(writer, result(JsonLines.text(article, "id", input), summary));
                count[0]++;
            });
        }
        return count[0];
    }

    private static JsonNode result(String id, String summary) {
        ObjectNode result = JsonLines.MAPPER.createObjectNode();
        result.put("id", id);
        result.put("summary", summary);
        return result;
    }

    private static void write(BufferedWriter writer, JsonNode line) {
        try {
            writer.write(line.toString());
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SummaryMethod method(String name) throws UsageException {
        try {
            return SummaryMethod.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method must be default, centrality, lead or textrank, not " + name);
        }
    }
}
