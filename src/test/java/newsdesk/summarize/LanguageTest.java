package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    /** sentenceSpans skips the model where its decision cannot matter; the spans must be the model's all the same. */
    @ParameterizedTest
    @ValueSource(strings = {"One sentence only.", "  Padded sentence.\u00A0 ", "A question?", "No end mark", ".", "   ",
            "Two sentences. Here.", "Mr. Smith came.", "It cost 2.5 million.", "He said \"yes.\"", "Wait... what?!"})
    void givesTheSpansOfTheModel(String text) throws Exception {
        for (Language language : Language.values()) {
            String resource = switch (language) {
                case EN -> "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
                case DE -> "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin";
                case FR -> "/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin";
            };
            SentenceModel model = new SentenceModel(LanguageTest.class.getResourceAsStream(resource));
            assertThat(Arrays.stream(language.sentenceSpans(text)).map(span -> span.getStart() + "-" + span.getEnd()))
                    .containsExactlyElementsOf(Arrays.stream(new SentenceDetectorME(model).sentPosDetect(text))
                            .map(span -> span.getStart() + "-" + span.getEnd()).toList());
        }
    }
}
