package newsdesk.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import newsdesk.article.Article;
import newsdesk.article.SourceFile;
import newsdesk.desk.Desk;
import newsdesk.ingest.format.FormatReader;
import newsdesk.ingest.format.FormatRegistry;
import newsdesk.ingest.format.ParsedArticle;

/**
 * Reads an inbox file into an {@link Article}: unpacks a .gz, decodes it, drops stray control
 * characters and hands it to the reader of its format (text, web page, Markdown, ninjs, NITF,
 * NewsML-G2), which refuses what holds no article.
 */
public class ArticleReader {

    /** More control characters than this share of the text means the file is not text (a stray bell or colour code is fine). */
    private static final double MAX_CONTROL_SHARE = 0.25;

    private final TextDecoder decoder = new TextDecoder();
    private final FormatRegistry formats;
    private final String sourceLanguage;
    private final SizeLimit limit;
    private final ReadLimits limits;

    public ArticleReader(String sourceLanguage, ReadLimits limits) {
        this.sourceLanguage = sourceLanguage;
        this.limits = limits;
        this.limit = new SizeLimit(limits.maxBytes());
        this.formats = new FormatRegistry(limits);
    }

    public Article read(byte[] bytes, String fileName) throws UnprocessableArticleException {
        return read(bytes, fileName, sourceLanguage);
    }

    /** The same for an article of a desk, in the desk's source language (null when DeepL detects it). */
    public Article read(byte[] bytes, String fileName, Desk desk) throws UnprocessableArticleException {
        return read(bytes, fileName, desk.sourceLanguage());
    }

    private Article read(byte[] bytes, String fileName, String sourceLanguage) throws UnprocessableArticleException {
        Instant receivedAt = Instant.now();
        if (bytes.length == 0) {
            throw new UnprocessableArticleException("The file is empty.");
        }
        limit.check(bytes.length);
        byte[] content = FormatRegistry.isGzip(fileName) ? gunzip(bytes) : bytes;
        TextDecoder.Decoded decoded = decoder.decode(content, FormatRegistry.isMarkup(fileName) ? DeclaredCharset.find(content) : null);
        String text = Normalizer.normalize(withoutControlCharacters(decoded.text()), Normalizer.Form.NFC);
        FormatReader reader = formats.readerFor(fileName, text);
        ParsedArticle parsed = parse(reader, text);
        if (parsed.text().paragraphs().isEmpty()) {
            throw new UnprocessableArticleException("The file holds no article text.");
        }
        // What DeepL would bill, counted on the text as read, before anything is sent.
        limits.checkTextChars(parsed.text().paragraphs().stream().mapToLong(String::length).sum());
        String sha256 = sha256(bytes);
        SourceFile source = new SourceFile(fileName, bytes.length, sha256, receivedAt, decoded.charset(), reader.format(), parsed.metadata());
        return new Article(sha256, source, parsed.text(), sourceLanguage, null, List.of(), receivedAt);
    }

    /**
     * The reader's article. A parser library's failure on this file (a stack overflow on nesting beyond what the
     * readers check, an unexpected exception) is the file's fault too: retrying would fail the same way.
     */
    private static ParsedArticle parse(FormatReader reader, String text) throws UnprocessableArticleException {
        try {
            return reader.read(text);
        } catch (StackOverflowError e) {
            throw new UnprocessableArticleException("The file nests too deeply for the " + reader.format() + " reader.");
        } catch (RuntimeException e) {
            throw new UnprocessableArticleException("The " + reader.format() + " reader failed on the file: " + e.getMessage());
        }
    }

    /** The unpacked content, within the same size limit, so a small file that unpacks to gigabytes (a zip bomb) is refused early. */
    private byte[] gunzip(byte[] bytes) throws UnprocessableArticleException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > limit.maxBytes()) {
                    throw new UnprocessableArticleException("The .gz file unpacks to more than the limit of " + limit.maxBytes()
                            + " bytes (newsdesk.inbox.max-bytes).");
                }
            }
            if (out.size() == 0) {
                throw new UnprocessableArticleException("The .gz file unpacks to an empty file.");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UnprocessableArticleException("The .gz file is not valid gzip data: " + e.getMessage());
        }
    }

    /** Drops stray control characters; a text made largely of them is binary. */
    private static String withoutControlCharacters(String text) throws UnprocessableArticleException {
        int first = 0;
        while (first < text.length() && !isDropped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        int dropped = 0;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDropped(c)) {
                dropped++;
            } else {
                kept.append(c);
            }
        }
        if (dropped > MAX_CONTROL_SHARE * text.length()) {
            throw new UnprocessableArticleException("The file is largely control characters, so it is binary, not text.");
        }
        return kept.toString();
    }

    /** Control characters other than line breaks and tabs, and byte order marks. */
    private static boolean isDropped(int c) {
        boolean layout = c == '\n' || c == '\r' || c == '\t';
        return Character.isISOControl(c) && !layout || c == '\uFEFF';
    }

    /** An article's id: the SHA-256 of its file's bytes, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
