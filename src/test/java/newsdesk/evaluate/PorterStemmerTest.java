package newsdesk.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {

    @ParameterizedTest
    @CsvSource({"caresses,caress", "ponies,poni", "flies,fli", "dies,die", "spied,spi", "dying,die",
            "running,run", "hopping,hop", "generalization,gener", "happy,happi", "enjoy,enjoy",
            "geology,geolog", "controlling,control", "relational,relat", "agreed,agre", "feed,feed", "news,news"})
    void stemsLikeNltk(String word, String stem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
    }

    @Test
    void reproducesTheNltkStemVectorsExactly() throws IOException {
        List<String> lines = Files.readAllLines(SharedEvalData.file("porter-nltk-stem-vectors.tsv"));
        List<String[]> pairs = lines.stream().filter(line -> !line.startsWith("#")).map(line -> line.split("\t")).toList();

        List<String> mismatches = pairs.stream()
                .filter(pair -> !PorterStemmer.stem(pair[0]).equals(pair[1]))
                .map(pair -> pair[0] + ": expected " + pair[1] + ", got " + PorterStemmer.stem(pair[0]))
                .toList();

        assertThat(pairs).hasSizeGreaterThan(11_000);
        assertThat(mismatches).isEmpty();
    }
}
