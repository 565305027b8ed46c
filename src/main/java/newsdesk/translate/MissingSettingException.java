package newsdesk.translate;

/** A setting the service cannot run without is missing; its message names it and says what to do. */
public class MissingSettingException extends Exception {
    public MissingSettingException(String message) {
        super(message);
    }
}
