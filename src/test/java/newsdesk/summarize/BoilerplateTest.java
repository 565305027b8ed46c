package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Putin and Tokayev discuss stability",   // heading
            "MOSCOW, January 20 (Reuters) -",          // dateline
            "14.01.2022",                              // date line
            "By John Smith",                           // byline
            "By John Smith and Jane Doe in London.",
            "Von Hans Müller",
            "Photo: Reuters",                          // caption
            "Foto: dpa/Michael Kappeler",
            "Read more: Why the summit matters",       // link text
            "Lesen Sie auch: Was der Gipfel bedeutet.",
            "bbabo.Net",                               // lone source name
            "dpa",
            "■"                                        // end mark
    })
    void recognisesParagraphsThatAreNotStory(String paragraph) {
        assertThat(Boilerplate.isParagraph(paragraph)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Putin praised the joint efforts of the CSTO.",
            "By the end of the day, both leaders had signed six agreements.",
            "Putin called the unrest an act of terrorist aggression. ■",
            "„Russland wird Kasachstan weiterhin unterstützen“, sagte Putin.",
            "Related research shows that the drug works in older patients.",
            "Advertisement revenue rose by five percent last year.",
            "Anzeige gegen den Fahrer wurde am Montag erstattet.",
            "Published in 1990, the book sold a million copies.",
            "Copyright law is changing across Europe.",
            "Updated figures show a rise in exports."
    })
    void keepsStorySentences(String paragraph) {
        assertThat(Boilerplate.isParagraph(paragraph)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scroll down for video.", "READ MORE: The full story.", "Team news.",
            "Pictured: The two leaders in Moscow.", "Copyright 2022 Reuters."})
    void recognisesFurnitureSentencesInsideAParagraph(String sentence) {
        assertThat(Boilerplate.isSentence(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The leaders met in Moscow on Monday (Photo: Reuters).", "© 2022 Reuters. All Rights Reserved.",
            "Dieser Text ist urheberrechtlich geschützt, alle Rechte vorbehalten."})
    void recognisesFurnitureAnywhereInASentence(String sentence) {
        assertThat(Boilerplate.isSentence(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"He told fans to read more: the report was long.", "The photo: a crowd in the square.",
            "Shares were updated: prices rose.", "The man (pictured below) was arrested on Monday."})
    void looksForOpeningFurnitureOnlyAtTheStart(String sentence) {
        assertThat(Boilerplate.isSentence(sentence)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"He said this. ■", "He said this.■", "He said this. ■ ", "He said this."})
    void dropsTheEndMarkButKeepsTheSentence(String sentence) {
        assertThat(Boilerplate.withoutEndMark(sentence)).isEqualTo("He said this.");
    }
}
