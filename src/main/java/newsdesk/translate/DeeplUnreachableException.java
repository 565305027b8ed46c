package newsdesk.translate;

import com.deepl.api.DeepLException;

/**
 * DeepL gave no useful answer (no connection, timeout, 5xx) even after the client's own retries. It carries
 * the client's message, not its exception: Camel matches error handlers from the innermost cause outwards.
 */
public class DeeplUnreachableException extends DeepLException {
    public DeeplUnreachableException(DeepLException cause) {
        super(cause.getMessage());
    }
}
