package newsdesk.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deepl.api.GlossaryEntries;
import com.deepl.api.MultilingualGlossaryDictionaryEntries;
import com.deepl.api.TextTranslationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsdesk.deeplsim.SimulatedDeepl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The glossary files kept in step with DeepL's glossaries, against the simulator. */
class GlossarySyncTest {

    private static final String HOUSE = "dictionaries: [{source: DE, target: EN, entries: {\"OVKS\": \"CSTO\"}}]\n";
    private static final String HOUSE_CHANGED = "dictionaries: [{source: DE, target: EN, entries: {\"OVKS\": \"CSTO (Moscow-led)\"}}]\n";
    @RegisterExtension
    static final SimulatedDeepl deepl = new SimulatedDeepl();

    @TempDir
    Path folder;

    @Test
    void createsOneGlossaryPerFileAndReusesItWhileUnchanged() throws Exception {
        write("house.yaml", HOUSE);
        write("sport.de-en.csv", "Elfmeter,penalty\n");
        GlossarySync sync = new GlossarySync(deepl.client(), folder);

        GlossarySync.Outcome first = sync.sync(Set.of());
        String houseId = sync.get("house").id();
        GlossarySync.Outcome second = sync.sync(Set.of());

        assertThat(first.changed()).containsExactlyInAnyOrder("house", "sport");
        assertThat(second.changed()).isEmpty();
        assertThat(sync.get("house").id()).isEqualTo(houseId);
        assertThat(deepl.sim().glossaryNames()).containsExactlyInAnyOrder(
                "newsdesk:house:" + sync.get("house").glossary().hash(), "newsdesk:sport:" + sync.get("sport").glossary().hash());
        // A restart finds them by name and hash instead of making them again.
        GlossarySync restarted = new GlossarySync(deepl.client(), folder);
        restarted.sync(Set.of());
        assertThat(restarted.get("house").id()).isEqualTo(houseId);
        assertThat(deepl.sim().glossaryNames()).hasSize(2);
    }

    @Test
    void changedContentGetsANewGlossaryAndTheOldOneGoesOnceNoRequestUsesIt() throws Exception {
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);
        sync.sync(Set.of());
        String oldId = sync.get("house").id();

        try (GlossarySync.Lease inFlight = sync.lease("house")) {
            write("house.yaml", HOUSE_CHANGED);
            GlossarySync.Outcome outcome = sync.sync(Set.of());

            assertThat(outcome.changed()).containsExactly("house");
            assertThat(sync.get("house").id()).isNotEqualTo(oldId);
            // The request in flight still translates with the glossary it started with.
            assertThat(translate(inFlight.glossary().id())).isEqualTo("[EN-US] The CSTO tagt.");
            assertThat(deepl.sim().glossaryNames()).hasSize(2);
            assertThat(sync.hasDeletionsWaiting()).isTrue();
        }
        try (GlossarySync.Lease next = sync.lease("house")) {
            assertThat(translate(next.glossary().id())).isEqualTo("[EN-US] The CSTO (Moscow-led) tagt.");
        }
        sync.sync(Set.of());

        assertThat(deepl.sim().glossaryNames()).containsExactly("newsdesk:house:" + sync.get("house").glossary().hash());
        assertThat(sync.hasDeletionsWaiting()).isFalse();
    }

    @Test
    void aGlossaryARunningDeskNamesStaysWhenItsFileGoes() throws Exception {
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);
        sync.sync(Set.of());
        String id = sync.get("house").id();

        Files.delete(folder.resolve("house.yaml"));
        GlossarySync.Outcome outcome = sync.sync(Set.of("house"));

        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.problems().values()).singleElement().asString().contains("a running desk names it");
        assertThat(sync.get("house").id()).isEqualTo(id);
        assertThat(deepl.sim().glossaryNames()).hasSize(1);
    }

    @Test
    void aRemovedFileTakesItsGlossaryAlongAndOthersOnTheAccountStay() throws Exception {
        deepl.client().createMultilingualGlossary("not ours", List.of(
                new MultilingualGlossaryDictionaryEntries("de", "en", new GlossaryEntries(Map.of("a", "b")))));
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);
        sync.sync(Set.of());

        Files.delete(folder.resolve("house.yaml"));
        GlossarySync.Outcome outcome = sync.sync(Set.of());

        assertThat(outcome.removed()).containsExactly("house");
        assertThat(sync.get("house")).isNull();
        assertThat(sync.lease("house")).isNull();
        assertThat(deepl.sim().glossaryNames()).containsExactly("not ours");
    }

    @Test
    void aBrokenEditKeepsTheGlossaryAsItWas() throws Exception {
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);
        sync.sync(Set.of());
        String id = sync.get("house").id();

        Path file = write("house.yaml", "dictionaries: [{source: DE, target: EN, entries: {\"OVKS\": \"CSTO\"}\n");
        GlossarySync.Outcome outcome = sync.sync(Set.of());

        assertThat(outcome.problems()).containsOnlyKeys(file);
        assertThat(outcome.problems().get(file)).startsWith("Glossary " + file + ": not valid YAML at line");
        assertThat(outcome.removed()).isEmpty();
        assertThat(sync.get("house").id()).isEqualTo(id);
        assertThat(deepl.sim().glossaryNames()).hasSize(1);
    }

    @Test
    void aLanguagePairDeeplHasNoGlossariesForIsAProblemOfThatFileOnly() throws Exception {
        Path thai = write("thai.yaml", "dictionaries: [{source: DE, target: TH, entries: {\"OVKS\": \"CSTO\"}}]\n");
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);

        GlossarySync.Outcome outcome = sync.sync(Set.of());

        assertThat(outcome.problems()).containsEntry(thai, "Glossary " + thai + ": DeepL has no glossaries for DE→TH.");
        assertThat(sync.get("thai")).isNull();
        assertThat(sync.get("house")).isNotNull();
    }

    @Test
    void aDeskMustNameAGlossaryWithItsLanguagePairAndASourceLanguage() throws Exception {
        write("house.yaml", HOUSE);
        GlossarySync sync = new GlossarySync(deepl.client(), folder);
        sync.sync(Set.of());

        assertThat(sync.require("politics", "house", "DE", "EN-GB").id()).isEqualTo(sync.get("house").id());
        assertThatThrownBy(() -> sync.require("politics", "nope", "DE", "EN-US")).isInstanceOf(GlossaryException.class)
                .hasMessage("Desk politics: glossary 'nope' is not in " + folder + " (or its file cannot be used).");
        assertThatThrownBy(() -> sync.require("politics", "house", "DE", "FR")).isInstanceOf(GlossaryException.class)
                .hasMessage("Desk politics: glossary 'house' has no dictionary DE→FR.");
        assertThatThrownBy(() -> sync.require("politics", "house", "auto", "EN-US")).isInstanceOf(GlossaryException.class)
                .hasMessageContaining("a glossary needs a sourceLanguage");
    }

    private static String translate(String glossaryId) throws Exception {
        return deepl.client().translateText("Die OVKS tagt.", "de", "en-US",
                new TextTranslationOptions().setGlossaryId(glossaryId)).getText();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }
}
