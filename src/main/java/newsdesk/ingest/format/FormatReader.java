package newsdesk.ingest.format;

import newsdesk.ingest.UnprocessableArticleException;

/** Reads one file format into an article: its text (headline and paragraphs) and its metadata. */
public interface FormatReader {

    /** The name the result gives as source.format: text, html, markdown, ninjs, nitf or newsml-g2. */
    String format();

    /** The article in the decoded file content; refuses content that holds no article, saying why. */
    ParsedArticle read(String content) throws UnprocessableArticleException;
}
