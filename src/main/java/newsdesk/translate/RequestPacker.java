package newsdesk.translate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs texts into as few DeepL requests as its limits allow: at most {@code maxTexts} texts and
 * {@code maxBytes} of form-encoded body per request. A text too large for one request is cut into
 * pieces at sentence ends (or, failing that, at spaces), which the caller joins again with a space.
 */
public class RequestPacker {

    /** One piece of text and the index of the text it belongs to. */
    public record Piece(int text, String value) {
    }

    /** DeepL's documented limits; the other form fields of a request stay well under the reserve. */
    public static final int DEEPL_MAX_TEXTS = 50;
    public static final int DEEPL_MAX_BYTES = 128 * 1024;
    private static final int RESERVE_BYTES = 2 * 1024;

    private final int maxTexts;
    private final int maxBytes;

    public RequestPacker() {
        this(DEEPL_MAX_TEXTS, DEEPL_MAX_BYTES - RESERVE_BYTES);
    }

    public RequestPacker(int maxTexts, int maxBytes) {
        this.maxTexts = maxTexts;
        this.maxBytes = maxBytes;
    }

    public List<List<Piece>> pack(List<String> texts) {
        List<List<Piece>> requests = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        int currentBytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (String value : split(texts.get(i))) {
                int size = encodedSize(value);
                if (!current.isEmpty() && (current.size() == maxTexts || currentBytes + size > maxBytes)) {
                    requests.add(current);
                    current = new ArrayList<>();
                    currentBytes = 0;
                }
                current.add(new Piece(i, value));
                currentBytes += size;
            }
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    /** Bytes a text adds to a form body: {@code text=<url-encoded>&}. */
    static int encodedSize(String text) {
        return "text=&".length() + URLEncoder.encode(text, StandardCharsets.UTF_8).length();
    }

    private List<String> split(String text) {
        if (encodedSize(text) <= maxBytes) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            for (String part : fitToSize(sentence)) {
                int last = pieces.size() - 1;
                if (last >= 0 && encodedSize(pieces.get(last) + " " + part) <= maxBytes) {
                    pieces.set(last, pieces.get(last) + " " + part);
                } else {
                    pieces.add(part);
                }
            }
        }
        return pieces;
    }

    /** Cuts one overlong sentence at spaces, or anywhere between code points if it has none. */
    private List<String> fitToSize(String sentence) {
        List<String> parts = new ArrayList<>();
        String rest = sentence;
        while (encodedSize(rest) > maxBytes) {
            int cut = longestFittingPrefix(rest);
            int space = rest.lastIndexOf(' ', cut);
            int end = space > 0 ? space : cut;
            parts.add(rest.substring(0, end));
            rest = rest.substring(end).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private int longestFittingPrefix(String text) {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (encodedSize(text.substring(0, mid)) <= maxBytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (Character.isHighSurrogate(text.charAt(low - 1)) && low > 1) {
            low--;
        }
        return low;
    }
}
