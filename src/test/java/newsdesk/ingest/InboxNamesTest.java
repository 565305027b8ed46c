package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxNamesTest {

    private final InboxNames names = new InboxNames(Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC));

    @Test
    void ordinaryNamesKeepTheirForm() {
        assertThat(names.result("article.txt")).isEqualTo("article.json");
        assertThat(names.result("a.v2.txt")).isEqualTo("a.v2.json");
        assertThat(names.archived("article.txt")).isEqualTo("article.20260304T050607089.txt");
        assertThat(names.report("article.20260304T050607089.txt")).isEqualTo("article.20260304T050607089.txt.error.json");
    }

    /** a.txt and a.TXT would both have been a.json: one result silently replaced the other. */
    @Test
    void namesThatDifferInTheExtensionsCaseGetResultsOfTheirOwn() {
        List<String> results = List.of(names.result("a.txt"), names.result("a.TXT"), names.result("a.Txt"),
                names.result("a.TXT.txt"), names.result("a.txt.txt"));
        assertThat(results).containsExactly("a.json", "a.TXT.json", "a.Txt.json", "a.TXT.txt.json", "a.txt.txt.json")
                .doesNotHaveDuplicates();
        assertThat(names.archived("a.TXT")).isNotEqualTo(names.archived("a.txt")).endsWith(".TXT");
    }

    /**
     * Stems of 80 CJK characters (240 bytes), and over 221, 232 and 246 bytes: each derived name,
     * temporary ones included, fits in 255 bytes, and names that differ only at the end stay apart.
     */
    @Test
    void everyNameTheInboxTakesGivesNamesOfAtMost255Bytes(@TempDir Path folder) throws Exception {
        List<String> inboxNames = new ArrayList<>();
        for (String stem : List.of("新".repeat(80), "ä".repeat(111), "a".repeat(222), "a".repeat(233), "a".repeat(247),
                "a".repeat(251), "b".repeat(240) + "😀", "ü".repeat(125) + "a")) {
            for (String ext : List.of(".txt", ".TXT")) {
                String name = stem + ext;
                if (name.getBytes(StandardCharsets.UTF_8).length <= 255) {
                    inboxNames.add(name);
                    // The same but for its last character.
                    inboxNames.add(stem.substring(0, stem.offsetByCodePoints(stem.length(), -1)) + "x" + ext);
                }
            }
        }
        List<String> derived = new ArrayList<>();
        for (String name : inboxNames) {
            String archived = names.archived(name);
            String report = names.report(archived);
            String workerReport = names.report(name);
            String result = names.result(name);
            for (String out : List.of(archived, report, workerReport, result, ".writing-" + result, ".writing-" + report,
                    ".writing-" + workerReport)) {
                assertThat(out.getBytes(StandardCharsets.UTF_8).length).as(out).isLessThanOrEqualTo(255);
                // The file system takes it, and it reads back as written (no character cut in two).
                Files.writeString(folder.resolve(out), name);
                assertThat(Files.readString(folder.resolve(out))).isEqualTo(name);
            }
            derived.add(archived);
            derived.add(result);
            derived.add(workerReport);
        }
        assertThat(derived).doesNotHaveDuplicates();
        assertThat(names.result("a".repeat(251) + ".txt")).matches("a+~[0-9a-f]{16}\\.json");
        assertThat(names.archived("新".repeat(80) + ".txt")).endsWith(".20260304T050607089.txt");
    }
}
