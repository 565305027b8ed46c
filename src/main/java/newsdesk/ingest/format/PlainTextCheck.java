package newsdesk.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsdesk.ingest.UnprocessableArticleException;

/**
 * Refuses markup and data saved as .txt (an HTML page or fragment, XML, JSON): that is not an
 * article, and translating it would bill every tag and key.
 */
final class PlainTextCheck {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PlainTextCheck() {
    }

    static void check(String text) throws UnprocessableArticleException {
        String start = text.stripLeading();
        // No article starts with "<"; with closing tags or a declaration, it is a page or a document.
        if (start.startsWith("<") && (start.contains("</") || start.contains("/>") || start.startsWith("<!") || start.startsWith("<?"))) {
            throw new UnprocessableArticleException("The file is HTML or XML markup, not plain text; save the article's text instead.");
        }
        if ((start.startsWith("{") || start.startsWith("[")) && isJson(start)) {
            throw new UnprocessableArticleException("The file holds JSON data, not article text.");
        }
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
