package newsdesk.ingest;

/** The largest article accepted ({@code newsdesk.inbox.max-bytes}): bigger ones are a mistake, and DeepL bills every character. */
public record SizeLimit(long maxBytes) {

    public void check(long bytes) throws UnprocessableArticleException {
        if (bytes > maxBytes) {
            throw new UnprocessableArticleException("The file has " + bytes
                    + " bytes, more than the limit of " + maxBytes + " (newsdesk.inbox.max-bytes).");
        }
    }
}
