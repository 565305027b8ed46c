package newsdesk.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryFileTest {

    @TempDir
    Path dir;

    @Test
    void readsAYamlGlossaryWithSeveralLanguagePairs() throws Exception {
        Path file = write("house.yaml", """
                # The paper's own names
                dictionaries:
                  - source: DE
                    target: EN-US
                    entries:
                      "OVKS": "CSTO"
                      "Bundestag": "Bundestag"
                  - {source: de, target: fr, entries: {"OVKS": "OTSC"}}
                """);

        Glossary glossary = GlossaryFile.read(file);

        assertThat(glossary.name()).isEqualTo("house");
        assertThat(glossary.entryCount()).isEqualTo(3);
        assertThat(glossary.dictionary("DE", "EN-GB")).get().extracting(Glossary.Dictionary::entries)
                .isEqualTo(Map.of("OVKS", "CSTO", "Bundestag", "Bundestag"));
        assertThat(glossary.dictionary("de", "FR")).isPresent();
        assertThat(glossary.dictionary("FR", "DE")).isEmpty();
        assertThat(glossary.hash()).hasSize(12);
    }

    @Test
    void theHashFollowsTheContentNotTheFileLayout() throws Exception {
        String one = GlossaryFile.read(write("a.yaml", """
                dictionaries: [{source: DE, target: EN, entries: {"OVKS": "CSTO", "Kanzler": "Chancellor"}}]
                """)).hash();
        String reordered = GlossaryFile.read(write("b.yaml", """
                dictionaries:
                  - target: EN
                    source: de
                    entries: {"Kanzler": "Chancellor", "OVKS": "CSTO"}
                """)).hash();
        String asCsv = GlossaryFile.read(write("c.csv", "OVKS,CSTO,de,en\n\"Kanzler\",Chancellor,de,en\n")).hash();
        String changed = GlossaryFile.read(write("d.yaml", """
                dictionaries: [{source: DE, target: EN, entries: {"OVKS": "CSTO", "Kanzler": "chancellor"}}]
                """)).hash();

        assertThat(reordered).isEqualTo(one);
        assertThat(asCsv).isEqualTo(one);
        assertThat(changed).isNotEqualTo(one);
    }

    @Test
    void readsDeeplCsvAndTsvFiles() throws Exception {
        Glossary csv = GlossaryFile.read(write("terms.csv", """
                "Vereinte Nationen, UN","United Nations","de","en"
                "Er sagte \"\"nein\"\"",He said no,de,en
                OVKS,OTSC,de,fr
                """));
        Glossary tsv = GlossaryFile.read(write("sport.de-en.tsv", "Bundesliga\tBundesliga\nElfmeter\tpenalty\n"));

        assertThat(csv.dictionary("DE", "EN")).get().extracting(Glossary.Dictionary::entries)
                .isEqualTo(Map.of("Vereinte Nationen, UN", "United Nations", "Er sagte \"nein\"", "He said no"));
        assertThat(csv.dictionary("DE", "FR")).get().extracting(Glossary.Dictionary::entries).isEqualTo(Map.of("OVKS", "OTSC"));
        assertThat(tsv.name()).isEqualTo("sport");
        assertThat(tsv.dictionary("DE", "EN")).get().extracting(d -> d.entries().size()).isEqualTo(2);
    }

    @Test
    void aBrokenFileGivesOneLineNamingTheFileAndTheProblem() throws Exception {
        assertProblem(write("bad.yaml", "dictionaries: [{source: DE, target: EN, entries: {\"a\": \"b\"}\n"), "not valid YAML at line");
        assertProblem(write("nodicts.yaml", "entries: {\"a\": \"b\"}\n"), "needs 'dictionaries:'");
        assertProblem(write("unknown.yaml", "dictionaries: [{source: DE, target: EN, entries: {\"a\": \"b\"}, formality: less}]\n"),
                "dictionary 1: unknown key 'formality'");
        assertProblem(write("nolang.yaml", "dictionaries: [{source: DE, entries: {\"a\": \"b\"}}]\n"),
                "dictionary 1 needs a source and a target language code");
        assertProblem(write("self.yaml", "dictionaries: [{source: EN, target: EN-GB, entries: {\"a\": \"b\"}}]\n"),
                "translates EN into itself");
        assertProblem(write("twice.yaml", """
                dictionaries:
                  - {source: DE, target: EN, entries: {"a": "b"}}
                  - {source: DE, target: EN-US, entries: {"c": "d"}}
                """), "dictionary 2 repeats the language pair DE→EN");
        assertProblem(write("empty.yaml", "dictionaries: [{source: DE, target: EN, entries: {\"a\": }}]\n"),
                "entry 'a': Term '' contains no non-whitespace characters");
        assertProblem(write("short.csv", "OVKS,CSTO\n"), "line 1 has 2 fields");
        assertProblem(write("dup.de-en.csv", "OVKS,CSTO\nOVKS,OTSC\n"), "line 2 repeats the source term 'OVKS'");
        assertProblem(write("bad name.yaml", "dictionaries: []\n"), "may only have letters, digits and '-'");
        Path latin1 = dir.resolve("latin.yaml");
        Files.write(latin1, "dictionaries: [{source: DE, target: EN, entries: {\"Gr\u00fc\u00dfe\": \"x\"}}]".getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(latin1, "not UTF-8 text");
    }

    private void assertProblem(Path file, String problem) {
        assertThatThrownBy(() -> GlossaryFile.read(file)).isInstanceOf(GlossaryException.class)
                .hasMessageStartingWith("Glossary " + file + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
