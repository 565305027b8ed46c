package newsdesk.translate;

import com.deepl.api.DeepLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DeepL refused an article's text itself (400 Bad request, 413 too large): sending it again will
 * not help, so the file goes to error/ with DeepL's message, like any other bad file.
 *
 * <p>deepl-java reports 400 as a plain {@link DeepLException} "Bad request, ..." and 413 as
 * "Unknown error, ..." (the same words it uses for 5xx), so a 413 is told apart by DeepL's
 * message, which speaks of the request's size.
 */
public class ContentRejectedException extends Exception {

    private static final Pattern TOO_LARGE = Pattern.compile(
            "(?i)\\b413\\b|too large|request size|payload|exceeds the limit");

    public ContentRejectedException(String deeplMessage) {
        super("DeepL refused to translate the text: " + deeplMessage);
    }

    /** The rejection a DeepL error stands for, or empty when it is a failure worth retrying. */
    public static Optional<ContentRejectedException> from(DeepLException e) {
        // Subclasses (quota, key, 429, network) are never about the text.
        if (e.getClass() != DeepLException.class || e.getMessage() == null) {
            return Optional.empty();
        }
        String message = e.getMessage();
        boolean badRequest = message.startsWith("Bad request");
        boolean tooLarge = message.startsWith("Unknown error") && TOO_LARGE.matcher(message).find();
        return badRequest || tooLarge ? Optional.of(new ContentRejectedException(message)) : Optional.empty();
    }
}
