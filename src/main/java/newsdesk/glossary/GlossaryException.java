package newsdesk.glossary;

/** A glossary cannot be used (its file is broken, DeepL refuses it, a desk names one there is not); the message is one line naming the file or desk and what is wrong. */
public class GlossaryException extends Exception {
    public GlossaryException(String message) {
        super(message);
    }
}
