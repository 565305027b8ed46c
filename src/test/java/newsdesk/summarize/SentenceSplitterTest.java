package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter english = new SentenceSplitter(Language.EN);
    private final SentenceSplitter german = new SentenceSplitter(Language.DE);

    @Test
    void splitsPlainSentences() {
        assertThat(english.split("The talks ended. Both sides were pleased! Will they meet again?"))
                .containsExactly("The talks ended.", "Both sides were pleased!", "Will they meet again?");
    }

    @Test
    void keepsAStraightQuoteSpanningSentencesTogether() {
        assertThat(english.split("\"I am tired. I am going home,\" he said. Then he left."))
                .containsExactly("\"I am tired. I am going home,\" he said.", "Then he left.");
    }

    @Test
    void keepsTypographicQuotesSpanningSentencesTogether() {
        assertThat(german.split("„Wir sind bereit. Wir kommen“, sagte er. Dann ging er."))
                .containsExactly("„Wir sind bereit. Wir kommen“, sagte er.", "Dann ging er.");
        assertThat(english.split("“We are ready. We are coming,” he said. Then he left."))
                .containsExactly("“We are ready. We are coming,” he said.", "Then he left.");
    }

    @Test
    void anUnclosedQuoteDoesNotGlueTheRestOfTheParagraph() {
        assertThat(english.split("He said \"no. Then he left. Nobody followed."))
                .hasSize(3);
    }

    @Test
    void doesNotSplitAfterEnglishAbbreviations() {
        assertThat(english.split("Dr. Smith met Mr. Jones at St. Paul's. They talked."))
                .containsExactly("Dr. Smith met Mr. Jones at St. Paul's.", "They talked.");
        assertThat(english.split("He lives at No. 10 Downing Street. The U.S. Army said no."))
                .containsExactly("He lives at No. 10 Downing Street.", "The U.S. Army said no.");
        assertThat(english.split("J. K. Rowling wrote it. The U.N. met."))
                .containsExactly("J. K. Rowling wrote it.", "The U.N. met.");
    }

    @Test
    void stillSplitsAfterAnAcronymThatEndsASentence() {
        assertThat(english.split("He moved to the U.S. He liked it there."))
                .containsExactly("He moved to the U.S.", "He liked it there.");
    }

    @Test
    void doesNotSplitAfterGermanAbbreviationsAndOrdinals() {
        assertThat(german.split("Er nannte z. B. das Wetter. Dr. Müller kam am 3. Oktober nach Berlin. Dann ging er."))
                .containsExactly("Er nannte z. B. das Wetter.", "Dr. Müller kam am 3. Oktober nach Berlin.", "Dann ging er.");
    }
}
