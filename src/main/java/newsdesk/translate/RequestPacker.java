package newsdesk.translate;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Packs texts into as few DeepL requests as its limits allow: at most {@code maxTexts} texts and
 * {@code maxBytes} of form-encoded body per request. A text too large for one request is cut into
 * pieces at sentence ends (or, failing that, at spaces), which the caller joins again with a space.
 * A {@code context} sent with every request takes its bytes from each request's room.
 */
public class RequestPacker {

    /** One piece of text and the index of the text it belongs to. */
    public record Piece(int text, String value) {
    }

    /** DeepL's documented limits; the other form fields of a request stay well under the reserve. */
    public static final int DEEPL_MAX_TEXTS = 50;
    public static final int DEEPL_MAX_BYTES = 128 * 1024;
    private static final int RESERVE_BYTES = 2 * 1024;
    private static final int CONTEXT_FIELD_BYTES = "context=&".length();
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

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
        return pack(texts, null);
    }

    /** Packs texts into requests that each also carry {@code context}; null for none. */
    public List<List<Piece>> pack(List<String> texts, String context) {
        int room = context == null ? maxBytes : maxBytes - CONTEXT_FIELD_BYTES - encodedLength(context);
        if (room < encodedSize("x")) {
            throw new IllegalArgumentException("The context leaves no room for text in a request.");
        }
        List<List<Piece>> requests = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        int currentBytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int textSize = encodedSize(text);
            for (String value : textSize <= room ? List.of(text) : split(text, room)) {
                int size = value == text ? textSize : encodedSize(value);
                if (!current.isEmpty() && (current.size() == maxTexts || currentBytes + size > room)) {
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

    /**
     * Bytes left for a context beside these texts in one request (its {@link #encodedLength}); below
     * zero when the texts alone need more than one request.
     */
    public int roomForContext(List<String> texts) {
        int room = maxBytes - CONTEXT_FIELD_BYTES;
        for (String text : texts) {
            room -= encodedSize(text);
        }
        return texts.size() > maxTexts ? -1 : room;
    }

    /** Bytes a text adds to a form body: {@code text=<url-encoded>&}. */
    static int encodedSize(String text) {
        return "text=&".length() + encodedLength(text);
    }

    /**
     * Bytes of a value once form-encoded as {@link URLEncoder} does it (letters, digits and {@code .-*_}
     * stay, a space becomes {@code +}, every other UTF-8 byte {@code %XX}), counted without encoding.
     */
    public static int encodedLength(String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += isKept(c) ? 1 : 3;
            } else if (c < 0x800) {
                length += 6;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                length += 12;
                i++;
            } else {
                // Other BMP characters take three bytes; a lone surrogate becomes "?", i.e. %3F.
                length += Character.isSurrogate(c) ? 3 : 9;
            }
        }
        return length;
    }

    private static boolean isKept(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '-' || c == '*' || c == '_' || c == ' ';
    }

    private static List<String> split(String text, int room) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            for (String part : fitToSize(sentence, room)) {
                int last = pieces.size() - 1;
                if (last >= 0 && encodedSize(pieces.get(last) + " " + part) <= room) {
                    pieces.set(last, pieces.get(last) + " " + part);
                } else {
                    pieces.add(part);
                }
            }
        }
        return pieces;
    }

    /** Cuts one overlong sentence at spaces, or anywhere between code points if it has none. */
    private static List<String> fitToSize(String sentence, int room) {
        List<String> parts = new ArrayList<>();
        String rest = sentence;
        while (encodedSize(rest) > room) {
            int cut = longestFittingPrefix(rest, room);
            int space = rest.lastIndexOf(' ', cut);
            int end = space > 0 ? space : cut;
            parts.add(rest.substring(0, end));
            rest = rest.substring(end).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private static int longestFittingPrefix(String text, int room) {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (encodedSize(text.substring(0, mid)) <= room) {
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
