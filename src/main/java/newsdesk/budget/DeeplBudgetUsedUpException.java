package newsdesk.budget;

/** Newsdesk's own DeepL budget (newsdesk.deepl.budget.*) allows no more characters until the next day or month. */
public class DeeplBudgetUsedUpException extends Exception {

    public DeeplBudgetUsedUpException(String message) {
        super(message);
    }
}
