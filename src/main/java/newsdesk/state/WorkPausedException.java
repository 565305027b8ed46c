package newsdesk.state;

/** An article taken in just before work was paused is not sent to DeepL: its file (or message) waits. */
public class WorkPausedException extends Exception {
    public WorkPausedException(String reasons) {
        super("Newsdesk is paused: " + reasons, null, false, false);
    }
}
