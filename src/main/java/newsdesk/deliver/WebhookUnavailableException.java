package newsdesk.deliver;

/** The webhook receiver is busy or down: tried again with backoff, then the article waits in the inbox (on a worker: on the work queue). */
public class WebhookUnavailableException extends Exception {
    public WebhookUnavailableException(String reason) {
        super(reason);
    }
}
