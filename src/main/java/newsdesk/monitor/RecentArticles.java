package newsdesk.monitor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Route steps after a delivery and a rejection: what the status page shows of the work, kept in memory
 * only. The latest {@code keep} articles (with their result JSON) and rejected files, and per desk the
 * articles delivered and rejected today (UTC). A restart starts afresh; the outbox and error/ keep everything.
 */
public class RecentArticles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delivered article as the page lists it (times as ISO text); {@code result} is its result JSON, served on its own. */
    public record Delivered(String id, String desk, String deliveredAt, String file, String originalTitle,
                            String title, String summary, List<String> flags, long billedCharacters,
                            long durationMs, @JsonIgnore String result) {
    }

    public record Rejected(String desk, String rejectedAt, String file, String reason) {
    }

    /** Articles delivered and files rejected today (UTC) on one desk. */
    public record Today(String desk, long delivered, long rejected) {
    }

    private final int keep;
    private final Clock clock;
    private final Deque<Delivered> delivered = new ArrayDeque<>();
    private final Deque<Rejected> rejected = new ArrayDeque<>();
    private final Map<String, long[]> todayByDesk = new LinkedHashMap<>();
    private LocalDate today;

    public RecentArticles(int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("The status page must keep at least one article: " + keep);
        }
        this.keep = keep;
        this.clock = clock;
    }

    /** After delivery: the figures are read from the result JSON, so the page shows what was delivered. */
    public void delivered(@ExchangeProperty("desk") String desk, @Body String result) throws JsonProcessingException {
        JsonNode json = JSON.readTree(result);
        List<String> flags = new ArrayList<>();
        json.path("flags").forEach(flag -> flags.add(flag.asText()));
        Delivered article = new Delivered(json.path("id").asText(), desk, clock.instant().toString(),
                json.at("/source/file").asText(), json.at("/source/title").textValue(), json.path("title").textValue(),
                json.at("/summary/text").asText(), List.copyOf(flags), json.at("/translation/billedCharacters").asLong(),
                json.at("/processing/durationMs").asLong(), result);
        synchronized (this) {
            count(desk)[0]++;
            add(delivered, article);
        }
    }

    /** After a rejection (in the error handling): the file and the reason, as in its {@code .error.json}. */
    public void rejected(@ExchangeProperty("desk") String desk, @Header(Exchange.FILE_NAME) String file,
                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception reason) {
        Rejected rejection = new Rejected(desk, clock.instant().toString(), file, reason == null ? null : reason.getMessage());
        synchronized (this) {
            count(desk)[1]++;
            add(rejected, rejection);
        }
    }

    /** The latest delivered articles of a desk, newest first. */
    public synchronized List<Delivered> latest(String desk, int limit) {
        return delivered.stream().filter(article -> article.desk().equals(desk)).limit(limit).toList();
    }

    /** The latest rejected files of all desks, newest first. */
    public synchronized List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** One of the latest delivered articles (with its result JSON), by its id. */
    public synchronized Optional<Delivered> find(String id) {
        return delivered.stream().filter(article -> article.id().equals(id)).findFirst();
    }

    /** Per desk that had work today (and those {@code alwaysShown}, e.g. the running desks): delivered and rejected today. */
    public synchronized List<Today> today(Collection<String> alwaysShown) {
        rollOver();
        List<Today> desks = new ArrayList<>();
        for (String desk : alwaysShown) {
            if (!todayByDesk.containsKey(desk)) {
                desks.add(new Today(desk, 0, 0));
            }
        }
        todayByDesk.forEach((desk, counts) -> desks.add(new Today(desk, counts[0], counts[1])));
        return desks;
    }

    public int keep() {
        return keep;
    }

    private long[] count(String desk) {
        rollOver();
        return todayByDesk.computeIfAbsent(desk, key -> new long[2]);
    }

    private void rollOver() {
        LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!now.equals(today)) {
            today = now;
            todayByDesk.clear();
        }
    }

    private <T> void add(Deque<T> latest, T entry) {
        latest.addFirst(entry);
        while (latest.size() > keep) {
            latest.removeLast();
        }
    }
}
