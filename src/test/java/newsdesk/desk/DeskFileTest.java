package newsdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskFileTest {

    /** As the route template declares them: null marks a required parameter. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("desk", null);
        DEFAULTS.put("inbox", "{{newsdesk.data-dir}}/{{desk}}/inbox");
        DEFAULTS.put("outbox", "{{newsdesk.data-dir}}/{{desk}}/outbox");
        DEFAULTS.put("archive", "{{newsdesk.data-dir}}/{{desk}}/archive");
        DEFAULTS.put("error", "{{newsdesk.data-dir}}/{{desk}}/error");
        DEFAULTS.put("sourceLanguage", "DE");
        DEFAULTS.put("targetLanguage", "EN-US");
        DEFAULTS.put("translate", "full");
        DEFAULTS.put("summarySentences", "3");
        DEFAULTS.put("summaryMaxChars", "0");
        DEFAULTS.put("summaryLanguage", "target");
        DEFAULTS.put("glossary", "none");
        DEFAULTS.put("formality", "default");
        DEFAULTS.put("targets", "file");
    }

    @TempDir
    Path dir;

    @Test
    void aDeskTakesTheTemplateDefaultsForWhatItLeavesOut() throws Exception {
        Desk desk = read("politics.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: desk
                    parameters:
                      - name: desk
                        value: politics
                      - name: targetLanguage
                        value: FR
                      - name: summarySentences
                        value: 2
                """);

        assertThat(desk.name()).isEqualTo("politics");
        assertThat(desk.routeId()).isEqualTo("desk-politics");
        assertThat(desk.inbox()).isEqualTo(Path.of("/srv/news/politics/inbox"));
        assertThat(desk.parameters()).containsEntry("summarySentences", "2").containsEntry("targetLanguage", "FR")
                .containsEntry("outbox", "/srv/news/politics/outbox").containsEntry("glossary", "none");
        assertThat(desk.sourceLanguage()).isEqualTo("DE");
        assertThat(desk.glossary()).isNull();
        assertThat(desk.targets()).containsExactly("file");
    }

    @Test
    void foldersAreMadeAbsolute() throws Exception {
        Desk desk = read("rel.camel.yaml", desk("rel", "      - {name: inbox, value: in/../inbox}\n"));

        assertThat(desk.inbox()).isEqualTo(Path.of("inbox").toAbsolutePath());
    }

    @Test
    void autoMeansDeeplDetectsTheSourceLanguage() throws Exception {
        Desk desk = read("wire.camel.yaml", desk("wire", "      - {name: sourceLanguage, value: auto}\n"));

        assertThat(desk.sourceLanguage()).isNull();
    }

    @Test
    void aDeskSummarizesOnlyInALanguageThereIsASentenceModelFor() throws Exception {
        Desk spanish = read("es.camel.yaml", desk("es", "      - {name: targetLanguage, value: ES}\n"));
        Desk spanishFromSource = read("es2.camel.yaml", desk("es2",
                "      - {name: targetLanguage, value: ES}\n      - {name: summaryLanguage, value: source}\n"));
        Desk french = read("fr.camel.yaml", desk("fr", "      - {name: targetLanguage, value: FR}\n"));
        Desk polishSource = read("pl.camel.yaml", desk("pl",
                "      - {name: sourceLanguage, value: PL}\n      - {name: translate, value: summary}\n"));

        assertThatThrownBy(() -> spanish.check(null)).isInstanceOf(DeskException.class)
                .hasMessage("Desk es: no summaries in ES (only DE, EN, FR); set summaryLanguage: source (" + spanish.file() + ").");
        assertThatThrownBy(() -> polishSource.check(null)).isInstanceOf(DeskException.class)
                .hasMessage("Desk pl: no summaries in PL (only DE, EN, FR) (" + polishSource.file() + ").");
        spanishFromSource.check(null);
        french.check(null);
    }

    @Test
    void aBrokenDeskFileGivesOneLineNamingTheFileAndTheProblem() throws Exception {
        assertProblem("- templatedRoute: [\n", "not valid YAML at line");
        assertProblem("- route:\n    from: {uri: timer:x}\n", "needs exactly one '- templatedRoute:'");
        assertProblem("- templatedRoute:\n    routeTemplateRef: other\n    parameters: []\n", "routeTemplateRef must be 'desk'");
        assertProblem(desk("x", "      - {name: sumarySentences, value: 2}\n"), "unknown parameter 'sumarySentences' (known: desk, inbox");
        assertProblem(desk("x", "      - {name: summarySentences, value: none}\n"), "summarySentences is 'none'; use a whole number of at least 1");
        assertProblem(desk("x", "      - {name: translate, value: half}\n"), "translate is 'half'; use one of [full, summary]");
        assertProblem(desk("x", "      - {name: targetLanguage, value: auto}\n"), "targetLanguage is 'auto'");
        assertProblem(desk("x", "      - {name: targetLanguage, value: EN-AU}\n"), "targetLanguage is 'EN-AU', which DeepL does not translate into");
        assertProblem(desk("x", "      - {name: sourceLanguage, value: XX}\n"), "sourceLanguage is 'XX', which DeepL does not translate from");
        assertProblem(desk("x", "      - {name: targets, value: 'file,ftp'}\n"), "targets names 'ftp'");
        assertProblem(desk("x", "      - {name: desk, value: y}\n"), "parameter 'desk' is given twice");
        assertProblem(desk("a b", ""), "parameter 'desk' (the desk's name: letters, digits and '-') is required");
        assertProblem("- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n      - {name: inbox, value: in}\n",
                "parameter 'desk' (the desk's name");
    }

    private void assertProblem(String content, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.camel.yaml"), content);
        assertThatThrownBy(() -> DeskFile.read(file, DEFAULTS, DeskFileTest::settings)).isInstanceOf(DeskException.class)
                .hasMessageStartingWith("Desk file " + file + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static String desk(String name, String moreParameters) {
        return "- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n      - name: desk\n        value: " + name
                + "\n" + moreParameters;
    }

    private Desk read(String name, String content) throws Exception {
        return DeskFile.read(Files.writeString(dir.resolve(name), content), DEFAULTS, DeskFileTest::settings);
    }

    private static String settings(String text) {
        return text.replace("{{newsdesk.data-dir}}", "/srv/news");
    }
}
