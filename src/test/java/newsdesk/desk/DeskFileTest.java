package newsdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
        assertProblem(desk("a b", ""), "parameter 'desk' (the desk's name: letters, digits and '-', at most 64 characters) is required");
        assertProblem(desk("d".repeat(300), ""), "at most 64 characters) is required");
        assertProblem("- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n      - {name: inbox, value: in}\n",
                "parameter 'desk' (the desk's name");
    }

    @Test
    void aFolderIsAPathWithoutUriSyntaxAndNoPlaceholderButTheDataFolder() throws Exception {
        assertProblem(desk("inj", "      - {name: inbox, value: '/x/inj?preMove=/x/premoved'}\n"),
                "inbox '/x/inj?preMove=/x/premoved' is not a plain folder");
        assertProblem(desk("inj", "      - {name: inbox, value: '/x/k-{{env:DEEPL_AUTH_KEY}}'}\n"), "is not a plain folder");
        assertProblem(desk("inj", "      - {name: archive, value: '/x/a#b'}\n"), "archive '/x/a#b' is not a plain folder");
        assertProblem(desk("inj", "      - {name: error, value: '/x/a%3Fb'}\n"), "is not a plain folder");
        assertProblem(desk("inj", "      - {name: outbox, value: '{{newsdesk.data-dir}}/{{desk}}'}\n"), "is not a plain folder");
        Desk desk = read("ok.camel.yaml", desk("ok", "      - {name: inbox, value: '{{newsdesk.data-dir}}/in'}\n"));
        assertThat(desk.inbox()).isEqualTo(Path.of("/srv/news/in"));
    }

    @Test
    void otherValuesMayNameOnlyNewsdeskSettings() throws Exception {
        assertProblem(desk("x", "      - {name: targetLanguage, value: '{{env:DEEPL_AUTH_KEY}}'}\n"),
                "targetLanguage names {{env:DEEPL_AUTH_KEY}}; a desk file may use only Newsdesk's own settings");
        assertProblem(desk("x", "      - {name: formality, value: '{{deepl.auth-key}}'}\n"), "formality names {{deepl.auth-key}}");
    }

    @Test
    void aDesksFourFoldersAreApartAsRealPaths() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("x/archive"));
        assertProblem(desk("x", "      - {name: inbox, value: '" + archive + "'}\n      - {name: archive, value: '" + archive + "'}\n"),
                "inbox and archive are the same folder");
        assertProblem(desk("x", "      - {name: inbox, value: '/x/in'}\n      - {name: error, value: '/x/in'}\n"),
                "inbox and error are the same folder");
        assertProblem(desk("x", "      - {name: inbox, value: '/x/in'}\n      - {name: outbox, value: '/x/in'}\n"),
                "inbox and outbox are the same folder");
        assertProblem(desk("x", "      - {name: inbox, value: '/x/in'}\n      - {name: error, value: '/x/in/error'}\n"),
                "inbox and error are one inside the other");
        Path link = Files.createSymbolicLink(dir.resolve("link-to-archive"), archive);
        assertProblem(desk("x", "      - {name: inbox, value: '" + link + "'}\n      - {name: archive, value: '" + archive + "'}\n"),
                "inbox and archive are the same folder");
    }

    @Test
    void noDeskFolderIsInsideTheServicesOwn() throws Exception {
        Path cache = dir.resolve("data/cache");
        Path file = Files.writeString(dir.resolve("c.camel.yaml"), desk("c", "      - {name: archive, value: '" + cache + "/old'}\n"));
        assertThatThrownBy(() -> DeskFile.read(file, DEFAULTS, DeskFileTest::settings, List.of(cache)))
                .hasMessageContaining("archive " + cache + "/old is the service's own folder " + cache + " or inside it");
    }

    private void assertProblem(String content, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.camel.yaml"), content);
        assertThatThrownBy(() -> DeskFile.read(file, DEFAULTS, DeskFileTest::settings, List.of())).isInstanceOf(DeskException.class)
                .hasMessageStartingWith("Desk file " + file + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static String desk(String name, String moreParameters) {
        return "- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n      - name: desk\n        value: " + name
                + "\n" + moreParameters;
    }

    private Desk read(String name, String content) throws Exception {
        return DeskFile.read(Files.writeString(dir.resolve(name), content), DEFAULTS, DeskFileTest::settings, List.of());
    }

    private static String settings(String text) {
        return text.replace("{{newsdesk.data-dir}}", "/srv/news");
    }
}
