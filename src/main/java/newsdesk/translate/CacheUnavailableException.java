package newsdesk.translate;

import java.nio.file.Path;

/**
 * The translation cache takes no writes, so no DeepL request goes out: what it would buy could not be kept. The
 * article waits where it is (its file in the inbox) until the cache is back; the state says why, once.
 */
public class CacheUnavailableException extends RuntimeException {
    public CacheUnavailableException(Path dir) {
        super("The translation cache " + dir + " cannot be written", null, false, false);
    }
}
