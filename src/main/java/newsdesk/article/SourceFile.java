package newsdesk.article;

import java.time.Instant;

/**
 * Where an article came from: the inbox file as it was received, the charset it was read with, its
 * format (text, html, markdown, ninjs, nitf, newsml-g2) and the metadata that format carried.
 */
public record SourceFile(String file, long bytes, String sha256, Instant receivedAt, String encoding,
                         String format, SourceMetadata metadata) {
}
