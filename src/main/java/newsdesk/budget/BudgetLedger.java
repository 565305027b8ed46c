package newsdesk.budget;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The characters DeepL billed, appended to a file per billing month in {@code <data-dir>/budget/}. Every
 * node on the data folder appends to the same file under a file lock and reads what the others appended,
 * so the totals are the whole cluster's and survive restarts.
 *
 * <p>A record is one line {@code <epoch second> <characters> <what> <checksum>}: {@code billed}, or
 * {@code reserve:<id>} (characters set aside before a request, counted until settled) and
 * {@code settle:<id>} (what DeepL billed for it, 0 when the request failed). The checksum (CRC-32 of the
 * rest of the line) tells a record from a torn or glued one. Lines {@code <epoch second> <characters>}
 * (billed) are read as well. A damaged line is skipped with one WARN; a last line without its newline is
 * ended before the next record is appended. A record that cannot be written (a full disk, an unwritable
 * folder) is kept, counted, and written with the next record that can be.
 */
public class BudgetLedger {

    /** What the ledger holds for the month and the day of the period asked about, reservations included. */
    public record Totals(long month, long day) {
    }

    /** A reservation asked for: its id, or null when the characters did not fit; the totals either way. */
    public record Reservation(String id, Totals totals) {
    }

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.deepl");
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();
    /** More than DeepL bills for any request: a larger count is a damaged line, not a record. */
    private static final long MAX_RECORD = Integer.MAX_VALUE;

    private record Line(long epochSecond, long characters, String what) {

        String text() {
            String body = epochSecond + " " + characters + " " + what;
            return body + " " + checksum(body) + "\n";
        }
    }

    private record Open(long characters, boolean today) {
    }

    private final Path folder;
    /** Reservation ids start with this node's own random prefix, so nodes on one ledger never share one. */
    private final String node = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private long nextId;
    private BillingPeriod period;
    private Path file;
    private long readUpTo;
    private int linesRead;
    private long month;
    private long day;
    private final Map<String, Open> open = new HashMap<>();
    /** Records of this node not written yet, oldest first; counted in the totals meanwhile. */
    private final List<Line> unwritten = new ArrayList<>();
    private final Set<String> warnedLines = new HashSet<>();
    private String failing;

    public BudgetLedger(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** Adds {@code characters} billed at {@code now}; the totals after it, with everything other nodes added. */
    public synchronized Totals record(long characters, Instant now, BillingPeriod current) {
        requireCount(characters);
        return update(current, totals -> new Line(now.getEpochSecond(), characters, "billed"));
    }

    /**
     * Sets {@code characters} aside if the totals with them stay within {@code monthLimit} and
     * {@code dayLimit} (0: none), counting everything every node has recorded or reserved.
     */
    public synchronized Reservation reserve(long characters, Instant now, BillingPeriod current, long monthLimit,
                                            long dayLimit) {
        requireCount(characters);
        String id = node + "-" + nextId++;
        boolean[] fits = new boolean[1];
        // Decided under the file lock, after reading what the other nodes reserved, so two never both take the rest.
        Totals totals = update(current, before -> {
            fits[0] = (monthLimit == 0 || before.month() + characters <= monthLimit)
                    && (dayLimit == 0 || before.day() + characters <= dayLimit);
            return fits[0] ? new Line(now.getEpochSecond(), characters, "reserve:" + id) : null;
        });
        return new Reservation(fits[0] ? id : null, totals);
    }

    /** Replaces reservation {@code id} with the {@code billed} characters DeepL charged for it (0: none). */
    public synchronized Totals settle(String id, long billed, Instant now, BillingPeriod current) {
        requireCount(billed);
        return update(current, totals -> new Line(now.getEpochSecond(), billed, "settle:" + id));
    }

    /** The totals for the current period, with everything other nodes added since the last look. */
    public synchronized Totals totals(BillingPeriod current) {
        return update(current, totals -> null);
    }

    private static void requireCount(long characters) {
        if (characters < 0 || characters > MAX_RECORD) {
            throw new IllegalArgumentException("Not a count of billed characters: " + characters);
        }
    }

    /** The record to add given the totals before it, or null for none. */
    private interface NextRecord {
        Line after(Totals totals);
    }

    private Totals update(BillingPeriod current, NextRecord next) {
        if (!current.equals(period)) {
            // A new day or month: counted afresh from the month's file.
            period = current;
            file = folder.resolve("deepl-" + current.monthStart() + ".ledger");
            countAfresh();
        }
        boolean decided = false;
        // A file lock is held for the whole JVM, so ledgers of one JVM on the same file (nodes run in one
        // process, as the tests do) take turns here first; Java refuses a second lock from the same JVM.
        synchronized (IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), key -> new Object())) {
            try {
                Files.createDirectories(folder);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    catchUp(channel);
                    add(next.after(withUnwritten()));
                    decided = true;
                    if (!unwritten.isEmpty()) {
                        append(channel);
                        catchUp(channel);
                    }
                }
                if (failing != null) {
                    LOG.info("The DeepL budget ledger {} can be written again; every billed character is in it.", file);
                    failing = null;
                }
            } catch (IOException e) {
                if (!decided) {
                    add(next.after(withUnwritten()));
                }
                if (failing == null) {
                    LOG.warn("The DeepL budget ledger {} cannot be used ({}): the characters billed meanwhile are counted "
                            + "in memory and written once it can be.", file, e.toString());
                }
                failing = e.toString();
            }
        }
        return withUnwritten();
    }

    private void add(Line line) {
        if (line != null) {
            unwritten.add(line);
        }
    }

    /** Appends the unwritten records as one write, on a line of their own; a failed write is taken back whole. */
    private void append(FileChannel channel) throws IOException {
        long size = channel.size();
        StringBuilder text = new StringBuilder();
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                // A torn or hand-edited last line: ended here, so this record is not glued onto it.
                text.append('\n');
            }
        }
        unwritten.forEach(line -> text.append(line.text()));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
        try {
            long at = size;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException ignored) {
                // Then the torn tail is skipped as a damaged line when read.
            }
            throw e;
        }
        unwritten.clear();
    }

    /** The totals with this node's unwritten records counted in. */
    private Totals withUnwritten() {
        long m = month;
        long d = day;
        Map<String, Open> reserved = new HashMap<>(open);
        for (Line line : unwritten) {
            long[] change = count(line, reserved);
            m += change[0];
            d += change[1];
        }
        return new Totals(m, d);
    }

    private void countAfresh() {
        readUpTo = 0;
        linesRead = 0;
        month = 0;
        day = 0;
        open.clear();
    }

    /** Reads the whole lines appended since the last read. */
    private void catchUp(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < readUpTo) {
            // The file was replaced or cut short (by hand, or deleted and begun anew).
            countAfresh();
        }
        if (size == readUpTo) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - readUpTo));
        channel.read(buffer, readUpTo);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        for (String raw : text.substring(0, end).split("\n", -1)) {
            linesRead++;
            if (raw.isBlank()) {
                continue;
            }
            Line line = parse(raw.trim());
            if (line == null) {
                if (warnedLines.add(file + ":" + linesRead)) {
                    LOG.warn("Line {} of the DeepL budget ledger {} is damaged and not counted: \"{}\".", linesRead, file,
                            raw.length() > 80 ? raw.substring(0, 80) + "..." : raw);
                }
                continue;
            }
            long[] change = count(line, open);
            month += change[0];
            day += change[1];
        }
        readUpTo += end + 1;
    }

    /** How a record changes the month's and the day's totals; a reservation is held in (or taken from) {@code reserved}. */
    private long[] count(Line line, Map<String, Open> reserved) {
        boolean today = line.epochSecond() >= period.dayStartInstant().getEpochSecond();
        long m = line.characters();
        long d = today ? line.characters() : 0;
        if (line.what().startsWith("reserve:")) {
            reserved.put(line.what().substring("reserve:".length()), new Open(line.characters(), today));
        } else if (line.what().startsWith("settle:")) {
            Open was = reserved.remove(line.what().substring("settle:".length()));
            if (was != null) {
                m -= was.characters();
                d -= was.today() ? was.characters() : 0;
            }
        }
        return new long[] {m, d};
    }

    /** A record, or null for a damaged line. */
    private static Line parse(String text) {
        String[] fields = text.split(" ");
        if (fields.length != 2 && fields.length != 4) {
            return null;
        }
        try {
            long epochSecond = Long.parseLong(fields[0]);
            long characters = Long.parseLong(fields[1]);
            if (epochSecond < 0 || characters < 0 || characters > MAX_RECORD) {
                return null;
            }
            if (fields.length == 2) {
                return new Line(epochSecond, characters, "billed");
            }
            String body = fields[0] + " " + fields[1] + " " + fields[2];
            boolean known = fields[2].equals("billed") || fields[2].startsWith("reserve:") || fields[2].startsWith("settle:");
            return known && checksum(body).equals(fields[3]) ? new Line(epochSecond, characters, fields[2]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(crc.getValue());
    }
}
