package newsdesk.translate;

import com.deepl.api.DeepLException;

/**
 * A desk names a glossary this node has not brought in step with DeepL (yet): its file is missing
 * here, or DeepL could not be reached when it was read. A DeepL fault, so the article is tried again
 * later and stays in the inbox (on a worker: on the work queue) meanwhile.
 */
public class GlossaryMissingException extends DeepLException {
    public GlossaryMissingException(String glossary) {
        super("Glossary '" + glossary + "' is not in step with DeepL on this node yet (see config/glossaries/).");
    }
}
