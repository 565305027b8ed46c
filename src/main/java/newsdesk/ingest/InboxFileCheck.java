package newsdesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Looks at an inbox file before it is read: it must be a regular file, not a symbolic link (which
 * could point anywhere, and its target would be sent to DeepL), readable, and within the size
 * limit, which is checked here so that a huge file is never loaded into memory.
 */
public class InboxFileCheck {

    private final SizeLimit limit;

    public InboxFileCheck(long maxBytes) {
        this.limit = new SizeLimit(maxBytes);
    }

    public void check(String absolutePath) throws UnprocessableArticleException, IOException {
        Path file = Path.of(absolutePath);
        if (Files.isSymbolicLink(file)) {
            throw new UnprocessableArticleException("The file is a symbolic link; Newsdesk reads only regular files "
                    + "placed in the inbox, so copy or move the article there instead.");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnprocessableArticleException("The file is not a regular file.");
        }
        if (!Files.isReadable(file)) {
            throw new UnprocessableArticleException("The file cannot be read: Newsdesk has no read permission for it.");
        }
        limit.check(Files.size(file));
    }
}
