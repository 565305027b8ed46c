package newsdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsdesk.Version;
import newsdesk.settings.KnownSettings;
import org.junit.jupiter.api.Test;

/**
 * The front door stays short, its links lead somewhere, every docs page says what it answers and describes
 * today's Newsdesk (history goes to CHANGELOG.md), and the changelog's newest version is the one the jar prints.
 */
class DocsTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(#[^)\\s]*)?\\)");
    private static final Path CHANGELOG = Path.of("CHANGELOG.md");
    /** Words of a diary rather than a reference: "issue 14", "round 3", "the sixth round", "until issue". */
    private static final Pattern DIARY = Pattern.compile("(?i)\\bissue[ -]?\\d+|\\bround \\d+"
            + "|\\b(first|second|third|fourth|fifth|sixth|seventh) round|\\b(before|after|until|since) issue");
    /** Keep a Changelog's version heading: {@code ## [1.2.3] - 2026-12-07}. */
    private static final Pattern VERSION_HEADING = Pattern.compile("(?m)^## \\[([^\\]]+)\\] - \\d{4}-\\d{2}-\\d{2}$");

    @Test
    void readmeStaysUnderTenKilobytes() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).isLessThanOrEqualTo(10 * 1024);
    }

    @Test
    void everyDocsPageStaysWithin15000Bytes() throws IOException {
        for (Path page : DocBlocks.pages().subList(1, DocBlocks.pages().size())) {
            assertThat(Files.size(page)).as(page + " bytes").isLessThanOrEqualTo(15_000);
        }
    }

    @Test
    void readmeAndDocsHoldNoDiaryWords() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : DocBlocks.pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher diary = DIARY.matcher(lines.get(i));
                while (diary.find()) {
                    found.add(page + ":" + (i + 1) + ": " + diary.group());
                }
            }
        }
        assertThat(found).as("history belongs in CHANGELOG.md").isEmpty();
    }

    @Test
    void changelogsNewestVersionIsTheOneTheJarPrints() throws IOException {
        Matcher heading = VERSION_HEADING.matcher(Files.readString(CHANGELOG));
        assertThat(heading.find()).as("CHANGELOG.md has a heading ## [VERSION] - YYYY-MM-DD").isTrue();
        assertThat(heading.group(1)).isEqualTo(Version.get());
    }

    /** Newsdesk's and DeepL's own settings each have a row (Camel's are described where they matter). */
    @Test
    void configurationPageHasARowForEverySetting() throws IOException {
        String page = Files.readString(Path.of("docs/configuration.md"));
        for (String key : KnownSettings.read(Path.of("config/application.properties")).defaults().keySet()) {
            if (!key.startsWith("camel.")) {
                String last = key.substring(key.lastIndexOf('.') + 1);
                assertThat(page).as("docs/configuration.md has a row for " + key)
                        .containsPattern("(?m)^\\| [^|]*`(" + Pattern.quote(key) + "|…" + Pattern.quote(last) + ")`");
            }
        }
    }

    @Test
    void readmeLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Path page : DocBlocks.pages().subList(1, DocBlocks.pages().size())) {
            assertThat(readme).as("README links " + page).contains("](" + page + ")");
        }
    }

    @Test
    void relativeLinksAndAnchorsResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : Stream.concat(DocBlocks.pages().stream(), Stream.of(CHANGELOG)).toList()) {
            Matcher link = LINK.matcher(withoutCode(Files.readString(page)));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http")) {
                    continue;
                }
                Path file = target.isEmpty() ? page : page.resolveSibling(target).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + link.group());
                } else if (link.group(2) != null && file.toString().endsWith(".md")
                        && !anchors(file).contains(link.group(2).substring(1))) {
                    broken.add(page + ": " + link.group() + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** A title, a blank line, then two lines saying what the page answers. */
    @Test
    void everyDocsPageOpensWithTwoLineSummary() throws IOException {
        for (Path page : DocBlocks.pages().subList(1, DocBlocks.pages().size())) {
            List<String> lines = Files.readAllLines(page);
            assertThat(lines.get(0)).as(page + " title").startsWith("# ");
            assertThat(lines.get(1)).as(page + " blank after title").isEmpty();
            assertThat(lines.subList(2, 4)).as(page + " summary").allSatisfy(line -> assertThat(line).isNotBlank());
            assertThat(lines.get(4)).as(page + " summary is two lines").isBlank();
        }
    }

    /** So that no command in the docs is left untried by accident: each shell block says whether it is run. */
    @Test
    void everyShellBlockIsMarkedAndEveryBlockHasALanguage() {
        List<String> unmarked = new ArrayList<>();
        for (Path page : DocBlocks.pages()) {
            for (DocBlocks block : DocBlocks.in(page)) {
                if (block.language().isEmpty()) {
                    unmarked.add(block + " has no language (sh, json, text, ...)");
                } else if (block.isShell() && !block.runnable() && block.until() == null && !block.markedNotRun()) {
                    unmarked.add(block + " is neither <!-- runnable --> nor <!-- not run: why -->");
                }
            }
        }
        assertThat(unmarked).isEmpty();
    }

    private static String withoutCode(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        for (String line : withoutCode(Files.readString(page)).split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
