package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsdesk.deeplsim.RecordedRequest;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.InboxNames;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (src/test/resources/bad-input/manifest.tsv): every case is dropped into one
 * running service, and each gets the outcome its manifest line documents.
 *
 * <p>Checks, separated by "; " ({@code \\uXXXX} and {@code \\t} stand for characters): for results
 * {@code format=}, {@code encoding=}, {@code title=} (or {@code null}), {@code paragraphs=}, {@code flags=} (comma
 * list, may be empty), {@code engine=}, {@code billed=}, {@code language=} (language.source),
 * {@code text~} / {@code text!~} (the translation holds / lacks), {@code requests=} / {@code
 * requests>=} (DeepL requests made for the file), {@code texts=} (texts sent for it), {@code
 * sourceLang=} (source_lang of those requests, {@code none} when unset); for errors {@code reason=}
 * / {@code reason~}; for ignored files {@code warn=} (WARN lines naming it: once, not at every poll). An error is
 * never sent to DeepL; an ignored file stays in the inbox untouched. Every file is handled once: one
 * result and one archived original, or one original and one report in error/, and no temporary file is
 * left behind.
 *
 * <p>In the file column {@code \\uXXXX} stands for a character and {@code {N*c}} for N times c (long
 * names). A few cases are made by the test: symbolic links (one dangling) and a hard link to a file outside
 * the data folder (their content is that file's), and a file dated a day in the future.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHECK = Pattern.compile("([a-zA-Z]+)(=|~|!~|>=)(.*)");
    private static final Map<String, Supplier<byte[]>> GENERATED = Map.ofEntries(
            Map.entry("giant-line.txt", BadInputCorpusTest::giantLine),
            Map.entry("giant-word.txt", BadInputCorpusTest::giantWord),
            Map.entry("hundred-thousand-lines.txt", BadInputCorpusTest::hundredThousandLines),
            Map.entry("over-size-limit.txt", () -> new byte[2 * 1024 * 1024 + 1]),
            // Made here: a file name with a backslash is awkward to keep in a repository.
            Map.entry("back\\slash.txt", () -> article("Verzeichnis")),
            // Two names that differ only in the case of the extension: a repository may live on a file system that ignores case.
            Map.entry("case-pair.txt", () -> article("Kleinbuchstaben")),
            Map.entry("case-pair.TXT", () -> article("Großbuchstaben")),
            Map.entry("future-dated.txt", () -> article("Aus der Zukunft")),
            Map.entry("{251*d}.txt", () -> new byte[0]),
            Map.entry("{230*e}.TXT", () -> new byte[0]),
            Map.entry("page.html.gz", () -> FormatSamples.gzip(("<html><head><title>Neue Brücke eröffnet</title></head><body><article><p>"
                    + "Die neue Brücke über den Fluss ist seit Montag für den Verkehr freigegeben, nach drei Jahren Bauzeit.</p>"
                    + "</article></body></html>").getBytes(StandardCharsets.UTF_8))),
            Map.entry("gzip-bomb.txt.gz", () -> FormatSamples.gzip(new byte[3 * 1024 * 1024])),
            Map.entry("not-gzip.txt.gz", () -> "Das ist kein gzip.".getBytes(StandardCharsets.UTF_8)),
            Map.entry("deep-front-matter.md", PoisonFiles::deepFrontMatter),
            Map.entry("deep-nitf.xml", PoisonFiles::deepNitf),
            Map.entry("entity-text.xml", PoisonFiles::entityText),
            Map.entry("entity-megabytes.xml", PoisonFiles::entityMegabytes),
            Map.entry("quoted-markdown.md", PoisonFiles::quotedMarkdown));
    private static final String SECRET = "GEHEIMSACHE: Die Zugangsdaten liegen im Tresor.\n";

    record Case(String file, String origin, String outcome, String checks, String description) {
        /** The file's name: the file column with its escapes expanded. */
        String name() {
            return expand(file);
        }

        String resultName() {
            return NAMES.result(name());
        }

        /** What names of its archived original and error report start with: the (shortened) stem and a dot. */
        String archivedPrefix() {
            String example = NAMES.archived(name());
            return example.substring(0, example.length() - ".yyyyMMddTHHmmssSSS".length() - extension().length()) + ".";
        }

        String extension() {
            return name().lastIndexOf('.') > 0 ? name().substring(name().lastIndexOf('.')) : "";
        }

        boolean isArchived(String fileName) {
            return fileName.startsWith(archivedPrefix()) && fileName.endsWith(extension()) && !isReport(fileName);
        }

        boolean isReport(String fileName) {
            return fileName.startsWith(archivedPrefix()) && fileName.endsWith(extension() + ".error.json");
        }
    }

    private static final InboxNames NAMES = new InboxNames(Clock.systemDefaultZone());

    RunningNewsdesk newsdesk;
    final LogCapture log = new LogCapture();
    final List<Case> cases = new ArrayList<>();
    final Map<String, byte[]> content = new HashMap<>();

    @BeforeAll
    void dropTheWholeCorpus(@TempDir Path dataDir) throws Exception {
        for (String line : Files.readAllLines(CORPUS.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t", -1);
                cases.add(new Case(columns[0], columns[1], columns[2], columns[3], columns[4]));
            }
        }
        newsdesk = RunningNewsdesk.start(dataDir);
        Path outside = Files.writeString(Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-outside"))
                .resolve("geheim.txt"), SECRET);
        for (Case c : cases) {
            Path inbox = newsdesk.folder("inbox");
            byte[] bytes;
            switch (c.name()) {
                case "symlink.txt" -> {
                    bytes = SECRET.getBytes(StandardCharsets.UTF_8);
                    Files.createSymbolicLink(inbox.resolve(c.name()), outside);
                }
                case "dangling-link.txt" -> {
                    bytes = new byte[0];
                    Files.createSymbolicLink(inbox.resolve(c.name()), outside.resolveSibling("nicht-da.txt"));
                }
                case "hard-link.txt" -> {
                    bytes = SECRET.getBytes(StandardCharsets.UTF_8);
                    Files.createLink(inbox.resolve(c.name()), outside);
                }
                default -> {
                    bytes = c.origin().equals("generated") ? GENERATED.getOrDefault(c.file(), () -> article(c.description())).get()
                            : Files.readAllBytes(CORPUS.resolve(c.file()));
                    newsdesk.drop(c.name(), bytes);
                }
            }
            if (c.name().equals("future-dated.txt")) {
                Files.setLastModifiedTime(inbox.resolve(c.name()), FileTime.from(Instant.now().plus(Duration.ofDays(1))));
            }
            content.put(c.file(), bytes);
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(cases.stream().filter(c -> !settled(c)).map(Case::file)).as("cases still unsettled").isEmpty());
        // Ignored files must still be there after several more looks at the inbox.
        Thread.sleep(1000);
    }

    @AfterAll
    void stop() {
        newsdesk.close();
        log.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasItsDocumentedOutcome() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(Case::file)).doesNotHaveDuplicates();
        assertThat(cases.stream().map(Case::resultName)).doesNotHaveDuplicates();
        assertThat(Stream.of("inbox", "outbox", "archive", "error").flatMap(f -> allFiles(f).stream()))
                .as("no temporary file left behind").noneMatch(n -> n.startsWith(".writing-"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " -> " + c.outcome() + ": " + c.description(),
                () -> check(c)));
    }

    private boolean settled(Case c) {
        return switch (c.outcome()) {
            case "result" -> Files.exists(newsdesk.folder("outbox").resolve(c.resultName()))
                    && newsdesk.files("archive").stream().anyMatch(c::isArchived);
            case "error" -> newsdesk.files("error").stream().anyMatch(c::isReport);
            default -> true;
        };
    }

    private void check(Case c) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<RecordedRequest> requests = requestsFor(c);
        switch (c.outcome()) {
            case "result" -> {
                JsonNode result = JSON.readTree(newsdesk.folder("outbox").resolve(c.resultName()).toFile());
                softly.assertThat(ResultSchema.violations(result)).as("schema").isEmpty();
                softly.assertThat(result.at("/source/file").asText()).isEqualTo(c.name());
                softly.assertThat(newsdesk.files("inbox")).doesNotContain(c.name());
                softly.assertThat(newsdesk.files("archive").stream().filter(c::isArchived)).as("archived once").hasSize(1);
                // An article already in the target language is logged as passed through, without billed characters.
                String logged = result.at("/translation/engine").asText().equals("none")
                        ? "Passed through " + c.name() + " (desk default): already in " : "Translated " + c.name() + " (desk default): ";
                softly.assertThat(log.messages(Level.INFO, "newsdesk.articles").stream()
                        .filter(m -> m.startsWith(logged) && m.contains("billed") != logged.startsWith("Passed")))
                        .as("delivered once, logged as " + logged).hasSize(1);
                for (String check : checks(c)) {
                    checkResult(softly, check, result, requests);
                }
            }
            case "error" -> {
                List<String> reports = newsdesk.files("error").stream().filter(c::isReport).toList();
                softly.assertThat(reports).as("rejected once").hasSize(1);
                String reportName = reports.get(0);
                JsonNode report = JSON.readTree(newsdesk.folder("error").resolve(reportName).toFile());
                softly.assertThat(report.get("file").asText()).isEqualTo(c.name());
                softly.assertThat(report.get("kind").asText()).isEqualTo("unprocessable-file");
                softly.assertThat(report.get("reason").asText()).as("a sentence").endsWith(".");
                softly.assertThat(newsdesk.files("error").stream().filter(c::isArchived)).as("the original beside its report")
                        .containsExactly(reportName.substring(0, reportName.length() - ".error.json".length()));
                softly.assertThat(newsdesk.files("outbox")).doesNotContain(c.resultName());
                softly.assertThat(requests).as("DeepL requests").isEmpty();
                for (String check : checks(c)) {
                    Matcher m = parse(check);
                    softly.assertThat(m.group(1)).isEqualTo("reason");
                    String reason = report.get("reason").asText();
                    if (m.group(2).equals("=")) {
                        softly.assertThat(reason).isEqualTo(m.group(3));
                    } else {
                        softly.assertThat(reason).contains(m.group(3));
                    }
                }
            }
            case "ignored" -> {
                Path left = newsdesk.folder("inbox").resolve(c.name());
                softly.assertThat(Files.exists(left, LinkOption.NOFOLLOW_LINKS)).as("still in the inbox").isTrue();
                if (!Files.isSymbolicLink(left)) {
                    softly.assertThat(left).hasBinaryContent(content.get(c.file()));
                }
                softly.assertThat(newsdesk.files("outbox")).doesNotContain(c.resultName());
                softly.assertThat(newsdesk.files("error")).noneMatch(n -> n.startsWith(c.archivedPrefix()));
                for (String check : checks(c)) {
                    Matcher m = parse(check);
                    softly.assertThat(m.group(1)).isEqualTo("warn");
                    softly.assertThat(log.messages(Level.WARN, "newsdesk.inbox").stream().filter(w -> w.startsWith(c.name() + " ")))
                            .as(check).hasSize(Integer.parseInt(m.group(3)));
                }
            }
            default -> throw new IllegalStateException("Unknown outcome " + c.outcome());
        }
        softly.assertAll();
    }

    private void checkResult(SoftAssertions softly, String check, JsonNode result, List<RecordedRequest> requests) {
        Matcher m = parse(check);
        String key = m.group(1);
        String op = m.group(2);
        String value = unescape(m.group(3));
        switch (key) {
            case "format" -> softly.assertThat(result.at("/source/format").asText()).as(check).isEqualTo(value);
            case "encoding" -> softly.assertThat(result.at("/source/encoding").asText()).as(check).isEqualTo(value);
            case "title" -> softly.assertThat(result.at("/source/title").isNull() ? "null" : result.at("/source/title").asText())
                    .as(check).isEqualTo(value);
            case "paragraphs" -> softly.assertThat(result.at("/translation/paragraphs").size()).as(check).isEqualTo(Integer.parseInt(value));
            case "flags" -> {
                List<String> flags = new ArrayList<>();
                result.at("/flags").forEach(f -> flags.add(f.asText()));
                softly.assertThat(flags).as(check).containsExactlyElementsOf(value.isEmpty() ? List.of() : List.of(value.split(",")));
            }
            case "engine" -> softly.assertThat(result.at("/translation/engine").asText()).as(check).isEqualTo(value);
            case "billed" -> softly.assertThat(result.at("/translation/billedCharacters").asLong()).as(check).isEqualTo(Long.parseLong(value));
            case "language" -> softly.assertThat(result.at("/language/source").asText()).as(check).isEqualTo(value);
            case "text" -> {
                String text = result.at("/translation/text").asText();
                if (op.equals("~")) {
                    softly.assertThat(text).as(check).contains(value);
                } else {
                    softly.assertThat(text).as(check).doesNotContain(value);
                }
            }
            case "requests" -> {
                if (op.equals(">=")) {
                    softly.assertThat(requests.size()).as(check).isGreaterThanOrEqualTo(Integer.parseInt(value));
                } else {
                    softly.assertThat(requests.size()).as(check).isEqualTo(Integer.parseInt(value));
                }
            }
            case "texts" -> softly.assertThat(requests.stream().mapToInt(r -> r.texts().size()).sum()).as(check)
                    .isEqualTo(Integer.parseInt(value));
            case "sourceLang" -> softly.assertThat(requests).as(check).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.sourceLang() == null ? "none" : r.sourceLang().toUpperCase()).isEqualTo(value));
            default -> throw new IllegalStateException("Unknown check " + check);
        }
    }

    private List<String> allFiles(String folder) {
        try (Stream<Path> files = Files.list(newsdesk.folder(folder))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The DeepL requests carrying text of this file: each text is one of its paragraphs or a piece of one. */
    private List<RecordedRequest> requestsFor(Case c) {
        List<String> paragraphs;
        try {
            paragraphs = new ArticleReader("DE", new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256)).read(content.get(c.file()), c.name()).original().paragraphs();
        } catch (UnprocessableArticleException e) {
            paragraphs = List.of(new String(content.get(c.file()), StandardCharsets.ISO_8859_1));
        }
        Set<String> exact = new HashSet<>(paragraphs);
        List<String> long_ = paragraphs.stream().filter(p -> p.length() > 10_000).toList();
        return newsdesk.deepl.translateRequests().stream()
                .filter(r -> r.texts().stream().anyMatch(t -> exact.contains(t) || long_.stream().anyMatch(p -> p.contains(t))))
                .toList();
    }

    private static List<String> checks(Case c) {
        return c.checks().isBlank() ? List.of() : List.of(c.checks().split("; "));
    }

    private static Matcher parse(String check) {
        Matcher m = CHECK.matcher(check.strip());
        assertThat(m.matches()).as("check syntax: " + check).isTrue();
        return m;
    }

    private static String unescape(String value) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\t").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "\t" : String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    /** {@code \\uXXXX} as the character, {@code {N*c}} as N times c. */
    private static String expand(String file) {
        Matcher m = Pattern.compile("\\{(\\d+)\\*(.)}").matcher(unescape(file));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    private static byte[] article(String title) {
        return (title + "\n\nDie Regierung hat am Montag über " + title + " beraten. Der Minister sagte, die Lage sei ernst.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] giantLine() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; line.length() < 300 * 1024; i++) {
            line.append("Satz ").append(i).append(": Die Regierung hat am Montag über die Lage beraten. ");
        }
        return line.toString().strip().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] giantWord() {
        return "Donaudampfschifffahrtsgesellschaft".repeat(200 * 1024 / 34).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hundredThousandLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("Zeile ").append(i % 500).append(".\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
