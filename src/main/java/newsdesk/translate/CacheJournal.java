package newsdesk.translate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The translation cache's entries since its last commit, appended as they come: a commit of the
 * cache file costs milliseconds, an append microseconds, so the cache commits about once a second
 * and a process killed in between finds the rest here at its next start. It starts with a mark saying
 * how many entries the cache had stored when it last committed, so a cache file found to hold fewer (cut
 * short or damaged, and rolled back by MVStore to an earlier state) is noticed. A damaged record ends the
 * replay: what follows it is dropped, and said to be.
 */
class CacheJournal {

    /** What a journal holds: the entries since the last commit, the mark, and the bytes a damaged record made unreadable. */
    record Replay(Map<String, TranslationCache.Entry> entries, long storedAtCommit, long droppedBytes, long damagedAt) {
    }

    /** The detected-language field of the mark, which no translation has (its key is empty). */
    private static final String MARK = "stored-at-commit";

    private final Path file;
    private final FileChannel channel;

    CacheJournal(Path file) throws IOException {
        this.file = file;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    /** The entries written since the last {@link #clear}, in order, up to a damaged or torn record. */
    Replay replay() throws IOException {
        Map<String, TranslationCache.Entry> entries = new LinkedHashMap<>();
        long storedAtCommit = 0;
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, channel.size()));
        channel.read(all, 0);
        all.flip();
        while (all.remaining() >= Integer.BYTES) {
            int start = all.position();
            int length = all.getInt();
            if (length <= 0 || length > all.remaining()) {
                all.position(start);
                break;
            }
            byte[] record = new byte[length];
            all.get(record);
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
                String key = in.readUTF();
                String detected = in.readUTF();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (key.isEmpty() && detected.equals(MARK)) {
                    storedAtCommit = Long.parseLong(text);
                } else {
                    entries.put(key, new TranslationCache.Entry(text, detected.isEmpty() ? null : detected));
                }
            } catch (IOException | NumberFormatException e) {
                all.position(start);
                break;
            }
        }
        return new Replay(entries, storedAtCommit, all.remaining(), all.position());
    }

    /** Appends whole records: a write that fails (a full disk) is cut off again, so no torn record hides later ones. */
    void append(Map<String, TranslationCache.Entry> entries) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(records);
        for (Map.Entry<String, TranslationCache.Entry> entry : entries.entrySet()) {
            String detected = entry.getValue().detectedSourceLanguage();
            record(out, entry.getKey(), detected == null ? "" : detected, entry.getValue().text());
        }
        write(records.toByteArray());
    }

    private void write(byte[] records) throws IOException {
        long start = channel.position();
        ByteBuffer buffer = ByteBuffer.wrap(records);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
                channel.position(start);
            } catch (IOException ignored) {
                // The next append starts where the failed one did, and replay stops at the torn record at worst.
            }
            throw e;
        }
    }

    private static void record(DataOutputStream out, String key, String detected, String text) throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(record);
        fields.writeUTF(key);
        fields.writeUTF(detected);
        fields.write(text.getBytes(StandardCharsets.UTF_8));
        out.writeInt(record.size());
        record.writeTo(out);
    }

    /** The entries are committed to the cache file, which had stored {@code storedAtCommit} then: start afresh with that mark. */
    void clear(long storedAtCommit) throws IOException {
        channel.truncate(0);
        channel.position(0);
        ByteArrayOutputStream mark = new ByteArrayOutputStream();
        record(new DataOutputStream(mark), "", MARK, Long.toString(storedAtCommit));
        write(mark.toByteArray());
    }

    /** Lets go of the file, keeping it for the next open (the cache could not commit). */
    void close() throws IOException {
        channel.close();
    }

    static Path beside(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName().toString().replace(".mv.db", ".journal"));
    }
}
