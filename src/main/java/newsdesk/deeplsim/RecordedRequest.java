package newsdesk.deeplsim;

import java.util.List;
import java.util.Map;

/**
 * One {@code /v2/translate} request as the simulator received and answered it.
 *
 * @param contentType the request's Content-Type header, or null
 * @param bodyBytes number of raw body bytes received
 * @param params all request parameters (query, form or JSON fields; JSON arrays give several
 *     values, JSON scalars their text); empty when the body was rejected before parsing (413)
 * @param texts the {@code text} values, in order
 * @param sourceLang {@code source_lang} as sent, or null
 * @param targetLang {@code target_lang} as sent, or null
 * @param context {@code context} as sent, or null
 * @param status the HTTP status the simulator answered with
 */
public record RecordedRequest(
        String contentType,
        long bodyBytes,
        Map<String, List<String>> params,
        List<String> texts,
        String sourceLang,
        String targetLang,
        String context,
        int status) {
}
