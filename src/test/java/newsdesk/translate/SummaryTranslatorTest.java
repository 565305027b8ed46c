package newsdesk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which text goes along as context when the whole article does not fit in the request. */
class SummaryTranslatorTest {

    private static final List<String> PARAGRAPHS = List.of("Titel", "Erster Absatz.", "Zweiter Absatz. Gewählter Satz.",
            "Dritter Absatz.", "Vierter Absatz.", "Fünfter Absatz.");
    private static final List<String> CHOSEN = List.of("Gewählter Satz.");

    @Test
    void theWholeArticleWhenItFits() {
        assertThat(SummaryTranslator.context(PARAGRAPHS, CHOSEN, 10_000)).isEqualTo(String.join("\n", PARAGRAPHS));
    }

    @Test
    void otherwiseTheParagraphsNearestToTheChosenSentencesInTextOrder() {
        int room = size("Erster Absatz.") + size("Zweiter Absatz. Gewählter Satz.") + size("Dritter Absatz.") + 2 * 3;

        assertThat(SummaryTranslator.context(PARAGRAPHS, CHOSEN, room))
                .isEqualTo("Erster Absatz.\nZweiter Absatz. Gewählter Satz.\nDritter Absatz.");
    }

    @Test
    void noneWhenNothingFits() {
        assertThat(SummaryTranslator.context(PARAGRAPHS, CHOSEN, 3)).isNull();
        assertThat(SummaryTranslator.context(PARAGRAPHS, CHOSEN, -100)).isNull();
    }

    private static int size(String text) {
        return RequestPacker.encodedLength(text);
    }
}
