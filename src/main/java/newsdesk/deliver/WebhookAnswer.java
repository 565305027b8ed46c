package newsdesk.deliver;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What the webhook receiver's failure means: it is busy or down (no connection, 408, 429, 5xx: the article waits and
 * is sent again) or it refuses this result (any other answer: the article goes to error/ with the receiver's status
 * and the start of its answer). The webhook's address is left out of both, as it may hold a token.
 */
public class WebhookAnswer {

    private static final int ANSWER_SHOWN = 200;

    /** A route step where sending failed: always throws the exception that says which. */
    public void failed(Exception failure) throws WebhookUnavailableException, WebhookRefusedException {
        if (failure instanceof HttpOperationFailedException answer) {
            int status = answer.getStatusCode();
            String said = "The webhook receiver answered " + status + " " + nullToEmpty(answer.getStatusText()).strip()
                    + answerStart(answer.getResponseBody());
            if (status == 408 || status == 429 || status >= 500) {
                throw new WebhookUnavailableException(said);
            }
            throw new WebhookRefusedException(said);
        }
        throw new WebhookUnavailableException("The webhook receiver could not be reached (" + failure.getClass().getSimpleName() + ").");
    }

    private static String answerStart(String body) {
        if (body == null || body.isBlank()) {
            return ".";
        }
        String start = body.strip().replaceAll("\\s+", " ");
        return ": " + (start.length() > ANSWER_SHOWN ? start.substring(0, ANSWER_SHOWN) + "…" : start);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
