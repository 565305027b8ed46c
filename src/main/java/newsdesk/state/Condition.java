package newsdesk.state;

/**
 * Why Newsdesk may stop taking work: something around it is broken, never one article's fault. Each
 * condition is entered and left on its own; while any holds, no desk or worker takes new articles.
 */
public enum Condition {
    /** DeepL refuses all work: quota used up (456), key refused (403), a language setting refused. */
    DEEPL_REFUSES("deepl-refuses"),
    /** DeepL does not answer: connection refused, timeouts, 5xx after the client's own retries. */
    DEEPL_UNREACHABLE("deepl-unreachable"),
    /** Newsdesk's own DeepL budget (newsdesk.deepl.budget.*) is used up. */
    BUDGET_USED_UP("budget-used-up"),
    /** A folder Newsdesk writes to (outbox, archive, error, cache, budget) or its disk takes no writes. */
    STORAGE_UNWRITABLE("storage-unwritable"),
    /** The translation cache cannot be used, so a paid translation could not be kept. */
    CACHE_UNAVAILABLE("cache-unavailable"),
    /** The inbox lock in {@code <data-dir>/cluster} cannot be taken or read. */
    INBOX_LOCK_UNUSABLE("inbox-lock-unusable");

    private final String id;

    Condition(String id) {
        this.id = id;
    }

    /** The name in logs, /api/status, health and the metric's label. */
    public String id() {
        return id;
    }
}
