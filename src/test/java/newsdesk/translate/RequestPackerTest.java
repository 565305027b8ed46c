package newsdesk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestPackerTest {

    @Test
    void aNormalArticleIsOneRequest() {
        List<String> paragraphs = Collections.nCopies(20, "Ein ganz normaler Absatz mit Umlauten: äöü.");

        assertThat(new RequestPacker().pack(paragraphs)).hasSize(1);
    }

    @Test
    void respectsTheTextCountAndByteLimits() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            paragraphs.add("Absatz " + i + " " + "Größenordnung ".repeat(i % 7 * 10));
        }
        RequestPacker packer = new RequestPacker(50, 2000);

        List<List<RequestPacker.Piece>> requests = packer.pack(paragraphs);

        assertThat(requests).allSatisfy(request -> {
            assertThat(request).hasSizeLessThanOrEqualTo(50);
            assertThat(request.stream().mapToInt(p -> RequestPacker.encodedSize(p.value())).sum()).isLessThanOrEqualTo(2000);
        });
        assertThat(joined(requests, paragraphs.size())).isEqualTo(paragraphs.stream().map(String::strip).toList());
    }

    @Test
    void cutsAnOverlongParagraphAtSentencesAndSpacesAndPutsItBackTogether() {
        String sentence = "Das ist ein recht langer deutscher Satz über Äpfel und Birnen. ";
        String giant = sentence.repeat(200) + "Wort".repeat(400);
        RequestPacker packer = new RequestPacker(50, 1000);

        List<List<RequestPacker.Piece>> requests = packer.pack(List.of(giant));

        assertThat(requests.size()).isGreaterThan(10);
        assertThat(requests).allSatisfy(request -> assertThat(
                request.stream().mapToInt(p -> RequestPacker.encodedSize(p.value())).sum()).isLessThanOrEqualTo(1000));
        assertThat(joined(requests, 1).get(0).replace(" ", "")).isEqualTo(giant.replace(" ", ""));
    }

    private static List<String> joined(List<List<RequestPacker.Piece>> requests, int texts) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            parts.add(new ArrayList<>());
        }
        requests.stream().flatMap(List::stream).forEach(p -> parts.get(p.text()).add(p.value()));
        return parts.stream().map(p -> String.join(" ", p).strip()).collect(Collectors.toList());
    }

    @Test
    void countsEncodedBytesExactlyAsTheFormEncoderWritesThem() {
        for (String text : List.of("", "Plain ASCII.-*_ 09 az AZ", "a&b=c+d%e/f?g~h!", "Grüße, Straße – „Zitat“",
                "Emoji \uD83D\uDE00 und 日本語", "lone \uD800 high", "lone \uDC00 low", "tab\tnew\nline\u0000")) {
            assertThat(RequestPacker.encodedLength(text)).as(text)
                    .isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8).length());
        }
    }

    @Test
    void aContextTakesItsBytesFromEveryRequest() {
        List<String> paragraphs = Collections.nCopies(10, "x".repeat(150));
        RequestPacker packer = new RequestPacker(50, 2000);
        String context = "Zusammenhang ".repeat(40);

        List<List<RequestPacker.Piece>> requests = packer.pack(paragraphs, context);

        assertThat(requests).hasSizeGreaterThan(packer.pack(paragraphs).size()).allSatisfy(request -> {
            int body = request.stream().mapToInt(piece -> RequestPacker.encodedSize(piece.value())).sum();
            assertThat(body + "context=&".length() + RequestPacker.encodedLength(context)).isLessThanOrEqualTo(2000);
        });
        assertThat(packer.roomForContext(List.of("x".repeat(150))))
                .isEqualTo(2000 - "context=&".length() - RequestPacker.encodedSize("x".repeat(150)));
        assertThat(packer.roomForContext(Collections.nCopies(20, "x".repeat(150)))).isNegative();
    }
}
