package newsdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads every visible result in outbox/ as soon as it appears or changes, as a consumer of the outbox
 * would, and counts those that are not a whole, valid result: a crash must never leave one visible.
 */
public final class OutboxWatcher extends Thread {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outbox;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    public final AtomicInteger parsed = new AtomicInteger();
    public final AtomicInteger corrupt = new AtomicInteger();

    public OutboxWatcher(Path outbox) {
        super("outbox-watcher");
        this.outbox = outbox;
        setDaemon(true);
    }

    public int results() {
        return seen.size();
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                for (String name : list(outbox)) {
                    if (name.startsWith(".")) {
                        continue;
                    }
                    Path file = outbox.resolve(name);
                    long stamp = Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
                    if (!Long.valueOf(stamp).equals(seen.get(name))) {
                        check(file);
                        seen.put(name, stamp);
                    }
                }
                Thread.sleep(5);
            } catch (IOException e) {
                // A result replaced while being looked at: it is looked at again next round.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            JsonNode result = JSON.readTree(bytes);
            if (result == null || !result.has("translation") || !ResultSchema.violations(result).isEmpty()) {
                corrupt.incrementAndGet();
            }
        } catch (IOException e) {
            corrupt.incrementAndGet();
        }
        parsed.incrementAndGet();
    }

    public void stopWatching() throws InterruptedException {
        running.set(false);
        join(5000);
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
