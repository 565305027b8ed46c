package newsdesk.ingest;

/** The file itself cannot become an article (empty, binary, undecodable...). Retrying will not help. */
public class UnprocessableArticleException extends Exception {
    public UnprocessableArticleException(String reason) {
        super(reason);
    }
}
