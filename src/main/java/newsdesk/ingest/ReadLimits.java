package newsdesk.ingest;

/**
 * What an inbox file may hold: its size in bytes ({@code newsdesk.inbox.max-bytes}), the characters of text read
 * from it once entities are expanded, markup dropped and bytes decoded ({@code newsdesk.inbox.max-text-chars}: what
 * DeepL would bill), and how deeply its elements, blocks, lists or objects may nest ({@code newsdesk.inbox.max-depth}),
 * so a deep file is refused with a reason instead of overflowing a parser's stack.
 */
public record ReadLimits(long maxBytes, long maxTextChars, int maxDepth) {

    /** The depth limit of a tool that reads files named on its command line, without the service's settings: their default. */
    public static final int TOOL_DEPTH = 256;

    public UnprocessableArticleException tooDeep() {
        return new UnprocessableArticleException("The file nests its elements, blocks or lists deeper than the limit of "
                + maxDepth + " levels (newsdesk.inbox.max-depth).");
    }

    public void checkTextChars(long chars) throws UnprocessableArticleException {
        if (chars > maxTextChars) {
            throw tooMuchText(chars);
        }
    }

    /** {@code chars} is how many were read, or -1 when reading stopped at the limit. */
    public UnprocessableArticleException tooMuchText(long chars) {
        return new UnprocessableArticleException("The file's text, once read (entities expanded, markup left out), "
                + (chars < 0 ? "passes" : "has " + chars + " characters, more than") + " the limit of " + maxTextChars
                + " characters (newsdesk.inbox.max-text-chars).");
    }
}
