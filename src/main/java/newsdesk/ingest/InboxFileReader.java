package newsdesk.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Header;

/**
 * Reads an inbox file's bytes, when a worker takes it, from a handle opened without following a
 * symbolic link: a link swapped in at any moment after the file was picked up makes the open fail,
 * so a link's target is never read. The size limit is enforced on the bytes read from that handle,
 * so a huge file is never loaded whole. The file must be a regular file with one name (link count
 * 1): a hard link would be a second name of a file elsewhere. Its identity (device and inode) and
 * link count, looked at just before the open, are looked at again after the read; a file replaced
 * meanwhile is refused.
 */
public class InboxFileReader {

    private static final String ATTRIBUTES = "unix:ino,dev,nlink,isRegularFile,isSymbolicLink";
    private static final int CHUNK = 64 * 1024;

    private final SizeLimit limit;

    public InboxFileReader(long maxBytes) {
        this.limit = new SizeLimit(maxBytes);
    }

    public byte[] read(@Header("CamelFileAbsolutePath") String absolutePath) throws UnprocessableArticleException, IOException {
        Path file = Path.of(absolutePath);
        Map<String, Object> before = checkedAttributes(file);
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = readWithinLimit(channel);
        } catch (AccessDeniedException e) {
            throw new UnprocessableArticleException("The file cannot be read: Newsdesk has no read permission for it.");
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw symbolicLink();
            }
            throw e;
        }
        Map<String, Object> after = checkedAttributes(file);
        if (!Objects.equals(before.get("ino"), after.get("ino")) || !Objects.equals(before.get("dev"), after.get("dev"))) {
            throw new UnprocessableArticleException("The file was replaced by another while it was read.");
        }
        return bytes;
    }

    /**
     * Refuses what is not a regular file of one name. Done before the open too, because opening a
     * named pipe would wait for a writer.
     */
    private static Map<String, Object> checkedAttributes(Path file) throws UnprocessableArticleException, IOException {
        Map<String, Object> attributes = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        if ((Boolean) attributes.get("isSymbolicLink")) {
            throw symbolicLink();
        }
        if (!(Boolean) attributes.get("isRegularFile")) {
            throw new UnprocessableArticleException("The file is not a regular file.");
        }
        int links = (Integer) attributes.get("nlink");
        if (links > 1) {
            throw new UnprocessableArticleException("The file has " + links + " names (hard links), so it is also a file "
                    + "outside the inbox; Newsdesk reads only files whose one name is in the inbox, so copy or move the "
                    + "article there instead.");
        }
        return attributes;
    }

    private static UnprocessableArticleException symbolicLink() {
        return new UnprocessableArticleException("The file is a symbolic link; Newsdesk reads only regular files "
                + "placed in the inbox, so copy or move the article there instead.");
    }

    /** The whole content, refused as soon as it passes the limit. */
    private byte[] readWithinLimit(SeekableByteChannel channel) throws IOException, UnprocessableArticleException {
        long size = channel.size();
        limit.check(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long read = 0;
        for (int n; (n = channel.read(buffer)) > 0; buffer.clear()) {
            read += n;
            limit.check(read);
            out.write(buffer.array(), 0, n);
        }
        return out.toByteArray();
    }
}
