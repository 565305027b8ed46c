package newsdesk.deliver;

/** The webhook receiver refuses this result: sending it again will not help, so the article goes to error/. */
public class WebhookRefusedException extends Exception {
    public WebhookRefusedException(String reason) {
        super(reason);
    }
}
