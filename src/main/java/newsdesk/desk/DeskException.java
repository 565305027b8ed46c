package newsdesk.desk;

/** A desk cannot run as written; the message is one line naming the file or desk and what is wrong. */
public class DeskException extends Exception {
    public DeskException(String message) {
        super(message);
    }
}
