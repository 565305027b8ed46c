package newsdesk.budget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The characters DeepL billed, one line per answer ({@code <epoch second> <characters>}) appended to a
 * file per billing month in {@code <data-dir>/budget/}. Every node on the data folder appends to the same
 * file under a file lock and reads what the others appended, so the totals are the whole cluster's and
 * survive restarts.
 */
public class BudgetLedger {

    /** What the ledger holds for the month and the day of the period asked about. */
    public record Totals(long month, long day) {
    }

    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path folder;
    private BillingPeriod period;
    private long readUpTo;
    private long month;
    private long day;

    public BudgetLedger(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** Adds {@code characters} billed at {@code now}; the totals after it, with everything other nodes added. */
    public synchronized Totals record(long characters, Instant now, BillingPeriod current) {
        return withFile(current, channel -> {
            catchUp(channel);
            String line = now.getEpochSecond() + " " + characters + "\n";
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)), channel.size());
            catchUp(channel);
        });
    }

    /** The totals for the current period, with everything other nodes added since the last look. */
    public synchronized Totals totals(BillingPeriod current) {
        return withFile(current, this::catchUp);
    }

    private interface WithChannel {
        void run(FileChannel channel) throws IOException;
    }

    private Totals withFile(BillingPeriod current, WithChannel work) {
        if (!current.equals(period)) {
            // A new day or month: counted afresh from the month's file.
            period = current;
            readUpTo = 0;
            month = 0;
            day = 0;
        }
        Path file = folder.resolve("deepl-" + current.monthStart() + ".ledger");
        // A file lock is held for the whole JVM, so ledgers of one JVM on the same file (nodes run in one
        // process, as the tests do) take turns here first; Java refuses a second lock from the same JVM.
        synchronized (IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), key -> new Object())) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                work.run(channel);
                return new Totals(month, day);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot use the DeepL budget ledger " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads the whole lines appended since the last read. */
    private void catchUp(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size <= readUpTo) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - readUpTo));
        channel.read(buffer, readUpTo);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        long dayStart = period.dayStartInstant().getEpochSecond();
        for (String line : text.substring(0, end).split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 2) {
                long characters = Long.parseLong(fields[1]);
                month += characters;
                if (Long.parseLong(fields[0]) >= dayStart) {
                    day += characters;
                }
            }
        }
        readUpTo += text.substring(0, end + 1).getBytes(StandardCharsets.US_ASCII).length;
    }
}
