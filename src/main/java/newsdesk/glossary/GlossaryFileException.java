package newsdesk.glossary;

/** A glossary file cannot be used; the message is one line naming the file and what is wrong. */
public class GlossaryFileException extends Exception {
    public GlossaryFileException(String message) {
        super(message);
    }
}
