package newsdesk.translate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whether DeepL answered the last time this node asked it: the readiness check reports a node whose
 * requests fail (DeepL unreachable, timing out or failing with 5xx) as unable to translate.
 */
public class DeeplStatus {

    private volatile String failure;
    private volatile Instant failingSince;

    /** DeepL answered (whatever it said about the text). */
    public void answered() {
        if (failure != null) {
            failure = null;
            failingSince = null;
        }
    }

    /** A request got no useful answer; {@code reason} says why, without the key. */
    public synchronized void failed(String reason) {
        if (failingSince == null) {
            failingSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        failure = reason;
    }

    /** Why DeepL cannot be used now, or null while it answers. */
    public String problem() {
        String reason = failure;
        Instant since = failingSince;
        return reason == null || since == null ? null
                : "DeepL has not answered since " + since + " (" + reason + "): articles wait in the inbox and are tried again.";
    }
}
