package newsdesk.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.Translation;
import newsdesk.ingest.LanguageGuesser;
import org.junit.jupiter.api.Test;

class TranslationCheckTest {

    private final NumbersCheck numbers = new NumbersCheck();
    private final UntranslatedTextCheck untranslated = new UntranslatedTextCheck(new LanguageGuesser("EN-US"));

    @Test
    void numbersWrittenTheEnglishWayHaveTheirCounterpart() {
        assertThat(numbers.problem(article("Der Umsatz stieg um 3,5 % auf 1.234,5 Millionen Euro.",
                "Sales rose by 3.5% to 1,234.5 million euros."))).isEmpty();
        assertThat(numbers.problem(article("Am 12. März 2024 um 20 Uhr begann die Sitzung, 14.30 Uhr war sie vorbei.",
                "The session began on March 12, 2024 at 8 p.m.; it was over at 2:30 p.m."))).isEmpty();
        assertThat(numbers.problem(article("Sie kostet 2,5 Milliarden Euro, Stand 01.02.2023.",
                "It costs 2,500,000,000 euros, as of 2/1/2023."))).isEmpty();
        // Kept exactly as written also counts: translators leave some numbers alone.
        assertThat(numbers.problem(article("Version 1.2.3 kostet 3,5 Euro.", "Version 1.2.3 costs 3,5 euros."))).isEmpty();
    }

    /** An hour that could be read as p.m. (18 Uhr, 6 p.m.) does not take another number's value from it. */
    @Test
    void anHourKeptAsWrittenLeavesTheSameValueOfAnotherNumberAlone() {
        assertThat(numbers.problem(article("Die Wahllokale schließen um 18 Uhr, die Beteiligung lag bei etwa 6 Prozent.",
                "Polling stations close at 18 o'clock; turnout was around 6 percent."))).isEmpty();
        assertThat(numbers.problem(article("Die Wahllokale schließen um 17 Uhr, die Beteiligung lag bei etwa 5 Prozent.",
                "Polling stations close at 17 o'clock; turnout was around 5 percent."))).isEmpty();
        assertThat(numbers.problem(article("Die Wahllokale schließen um 18 Uhr, die Beteiligung lag bei etwa 6 Prozent.",
                "Polling stations close at 6 p.m.; turnout was around 6 percent."))).isEmpty();
        assertThat(numbers.problem(article("Die Wahllokale schließen um 18 Uhr, die Beteiligung lag bei etwa 6 Prozent.",
                "Polling stations close at 6 p.m.; turnout was around 7 percent."))).isPresent();
    }

    @Test
    void aChangedOrMissingNumberIsFlaggedWithWhatIsMissing() {
        assertThat(numbers.problem(article("Der Umsatz stieg um 3,5 % auf 1.234,5 Millionen Euro.",
                "Sales rose by 3.5% to 1,243.5 million euros."))).hasValueSatisfying(p -> assertThat(p).contains("1.234,5"));
        assertThat(numbers.problem(article("Am 12. März kamen 18 Menschen.", "On March 12, people came.")))
                .hasValueSatisfying(p -> assertThat(p).endsWith("for 18"));
        assertThat(numbers.problem(article("Am 12. März", "On May 12"))).hasValueSatisfying(p -> assertThat(p).contains("12. März"));
        // Said twice in the original, so twice in the translation.
        assertThat(numbers.problem(article("2015 und 2015", "2015 and 2016"))).isPresent();
    }

    @Test
    void aParagraphStillInGermanIsFlaggedByNumber() {
        Article article = article("Die Regierung hat am Montag beraten.\nDas Ergebnis ist noch nicht bekannt.",
                "The government met on Monday and discussed the budget for the next year.\n"
                        + "Das Ergebnis ist noch nicht bekannt, sagte ein Sprecher, aber es werde bald mitgeteilt.");
        assertThat(untranslated.problem(article)).contains("paragraph [2] of 2 reads as DE");
        assertThat(untranslated.problem(article("Die Regierung hat beraten.",
                "The government met on Monday and discussed the budget for the next year."))).isEmpty();
    }

    @Test
    void aTranslationFarShorterThanItsOriginalIsFlagged() {
        String german = "Die Regierung hat am Montag lange über den Haushalt beraten. ".repeat(10);
        LengthRatioCheck length = new LengthRatioCheck(0.6, 1.6);
        assertThat(length.problem(article(german, "The government discussed the budget at length on Monday. ".repeat(10)))).isEmpty();
        assertThat(length.problem(article(german, "The government discussed the budget at length on Monday. ".repeat(4))))
                .hasValueSatisfying(p -> assertThat(p).startsWith("translation/source length 0.3"));
    }

    private static Article article(String german, String english) {
        return new Article("id", null, new ArticleText(List.of(german.split("\n")), false), "DE",
                new Translation(new ArticleText(List.of(english.split("\n")), false), "EN-US", 0, "DE", false),
                List.of(), Instant.now());
    }
}
