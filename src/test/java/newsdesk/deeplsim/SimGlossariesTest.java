package newsdesk.deeplsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deepl.api.DeepLException;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.GlossaryLanguagePair;
import com.deepl.api.MultilingualGlossaryDictionaryEntries;
import com.deepl.api.MultilingualGlossaryInfo;
import com.deepl.api.NotFoundException;
import com.deepl.api.TextTranslationOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's v3 glossary endpoints, driven through deepl-java as Newsdesk drives them. */
class SimGlossariesTest {

    @RegisterExtension
    static final SimulatedDeepl deepl = new SimulatedDeepl();

    @Test
    void createsListsReadsAndDeletesAMultilingualGlossary() throws Exception {
        MultilingualGlossaryInfo created = deepl.client().createMultilingualGlossary("house", List.of(
                dictionary("de", "en", Map.of("OVKS", "CSTO", "Bundestag", "Bundestag (German parliament)")),
                dictionary("de", "fr", Map.of("OVKS", "OTSC"))));

        assertThat(created.getGlossaryId()).isNotBlank();
        assertThat(created.getName()).isEqualTo("house");
        assertThat(created.getCreationTime()).isNotNull();
        assertThat(created.getDictionaries()).extracting(d -> d.getSourceLanguageCode() + ">"
                + d.getTargetLanguageCode() + ":" + d.getEntryCount()).containsExactly("de>en:2", "de>fr:1");
        assertThat(deepl.client().getMultilingualGlossary(created.getGlossaryId()).getName()).isEqualTo("house");
        assertThat(deepl.client().listMultilingualGlossaries()).extracting(MultilingualGlossaryInfo::getGlossaryId)
                .containsExactly(created.getGlossaryId());
        assertThat(deepl.client().getMultilingualGlossaryDictionaryEntries(created.getGlossaryId(), "de", "fr")
                .getEntries()).containsExactlyEntriesOf(Map.of("OVKS", "OTSC"));
        assertThat(deepl.sim().glossaryNames()).containsExactly("house");

        deepl.client().deleteMultilingualGlossary(created.getGlossaryId());

        assertThat(deepl.client().listMultilingualGlossaries()).isEmpty();
        assertThatThrownBy(() -> deepl.client().getMultilingualGlossary(created.getGlossaryId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void translateAppliesTheGlossaryOfTheRequestedLanguagePair() throws Exception {
        MultilingualGlossaryInfo glossary = deepl.client().createMultilingualGlossary("house", List.of(
                dictionary("de", "en", Map.of("OVKS", "CSTO", "Neue Zürcher", "NZZ"))));
        String german = "Die OVKS tagt. Die Neue Zürcher berichtet über OVKSler.";

        String withGlossary = deepl.client().translateText(german, "de", "en-US",
                new TextTranslationOptions().setGlossary(glossary)).getText();
        String without = deepl.client().translateText(german, "de", "en-US").getText();

        assertThat(withGlossary).isEqualTo("[EN-US] The CSTO tagt. The NZZ berichtet about OVKSler.");
        assertThat(without).isEqualTo("[EN-US] The OVKS tagt. The new Zürcher berichtet about OVKSler.");
        assertThat(deepl.sim().translateRequests().get(0).params()).containsEntry("glossary_id", List.of(glossary.getGlossaryId()));
    }

    @Test
    void refusesWhatDeeplRefuses() throws Exception {
        MultilingualGlossaryInfo glossary = deepl.client().createMultilingualGlossary("house", List.of(
                dictionary("de", "en", Map.of("OVKS", "CSTO"))));

        // No dictionary DE→FR in it.
        assertThatThrownBy(() -> deepl.client().translateText("Die OVKS", "de", "fr",
                new TextTranslationOptions().setGlossary(glossary))).isInstanceOf(DeepLException.class)
                .hasMessageContaining("no dictionary for DE to FR");
        // A deleted glossary.
        deepl.client().deleteMultilingualGlossary(glossary);
        assertThatThrownBy(() -> deepl.client().translateText("Die OVKS", "de", "en-US",
                new TextTranslationOptions().setGlossary(glossary))).isInstanceOf(NotFoundException.class);
        // A language glossaries do not take, and one language on both sides.
        assertThatThrownBy(() -> deepl.client().createMultilingualGlossary("x", List.of(dictionary("de", "th", Map.of("a", "b")))))
                .isInstanceOf(DeepLException.class).hasMessageContaining("Unsupported glossary language: th");
        assertThatThrownBy(() -> deepl.client().createMultilingualGlossary("x", List.of(dictionary("de", "de", Map.of("a", "b")))))
                .isInstanceOf(DeepLException.class).hasMessageContaining("must differ");
        assertThat(deepl.sim().glossaryNames()).isEmpty();
    }

    @Test
    void listsTheGlossaryLanguagePairs() throws Exception {
        List<GlossaryLanguagePair> pairs = deepl.client().getGlossaryLanguages();

        assertThat(pairs).extracting(p -> p.getSourceLanguage() + ">" + p.getTargetLanguage())
                .contains("de>en", "de>fr", "en>de", "fr>en").doesNotContain("de>de");
    }

    private static MultilingualGlossaryDictionaryEntries dictionary(String source, String target, Map<String, String> entries) {
        return new MultilingualGlossaryDictionaryEntries(source, target, new GlossaryEntries(entries));
    }
}
