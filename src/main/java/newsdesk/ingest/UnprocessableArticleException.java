package newsdesk.ingest;

/** The file itself cannot become an article (empty, binary, undecodable...). Retrying will not help. */
public class UnprocessableArticleException extends Exception {

    /** @param reason one or more sentences; one not ending like a sentence (a parser's message) gets its full stop */
    public UnprocessableArticleException(String reason) {
        super(asSentence(reason));
    }

    private static String asSentence(String reason) {
        String text = reason == null ? "" : reason.strip();
        return text.isEmpty() || ".!?".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ".";
    }
}
