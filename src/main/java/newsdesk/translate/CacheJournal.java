package newsdesk.translate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The translation cache's entries since its last commit, appended as they come: a commit of the
 * cache file costs milliseconds, an append microseconds, so the cache commits about once a second
 * and a process killed in between finds the rest here at its next start. A record cut short by the
 * kill is the last one and is ignored.
 */
class CacheJournal {

    private final Path file;
    private final FileChannel channel;

    CacheJournal(Path file) throws IOException {
        this.file = file;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    /** The entries written since the last {@link #clear}, in order; a torn last record is left out. */
    Map<String, TranslationCache.Entry> replay() throws IOException {
        Map<String, TranslationCache.Entry> entries = new LinkedHashMap<>();
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, channel.size()));
        channel.read(all, 0);
        all.flip();
        while (all.remaining() >= Integer.BYTES) {
            int length = all.getInt();
            if (length <= 0 || length > all.remaining()) {
                break;
            }
            byte[] record = new byte[length];
            all.get(record);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            String key = in.readUTF();
            String detected = in.readUTF();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            entries.put(key, new TranslationCache.Entry(text, detected.isEmpty() ? null : detected));
        }
        return entries;
    }

    void append(Map<String, TranslationCache.Entry> entries) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(records);
        for (Map.Entry<String, TranslationCache.Entry> entry : entries.entrySet()) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            DataOutputStream fields = new DataOutputStream(record);
            fields.writeUTF(entry.getKey());
            String detected = entry.getValue().detectedSourceLanguage();
            fields.writeUTF(detected == null ? "" : detected);
            fields.write(entry.getValue().text().getBytes(StandardCharsets.UTF_8));
            out.writeInt(record.size());
            record.writeTo(out);
        }
        ByteBuffer buffer = ByteBuffer.wrap(records.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The entries are committed to the cache file: start afresh. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
    }

    /** Everything is committed and the cache closes: no journal is needed until the next start. */
    void discard() throws IOException {
        channel.close();
        Files.delete(file);
    }

    static Path beside(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName().toString().replace(".mv.db", ".journal"));
    }
}
