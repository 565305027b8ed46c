package newsdesk.article;

import java.time.Instant;

/** Where an article came from: the inbox file as it was received, and the charset it was read with. */
public record SourceFile(String file, long bytes, String sha256, Instant receivedAt, String encoding) {
}
