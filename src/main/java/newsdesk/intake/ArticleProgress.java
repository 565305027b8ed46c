package newsdesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import newsdesk.monitor.ArticleLogContext;
import newsdesk.monitor.RecentArticles;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/**
 * Where each article sent over HTTP has got to, for {@code GET /api/articles/<id>}: queued (in the inbox), working,
 * delivered (with its result JSON while the status page keeps it) or rejected (with the reason). Route steps tell it;
 * it keeps the latest {@code keep} articles in memory, so a restart forgets them (the outbox and error/ keep all).
 * Articles dropped as files are known once delivered, from the status page's latest articles.
 */
public class ArticleProgress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Entry {
        final String desk;
        final String file;
        String status = "queued";
        String reason;

        Entry(String desk, String file) {
            this.desk = desk;
            this.file = file;
        }
    }

    private final RecentArticles recent;
    private final Map<String, Entry> byId;
    private final Map<String, String> idByFile;

    public ArticleProgress(RecentArticles recent, int keep) {
        this.recent = recent;
        this.idByFile = new LinkedHashMap<>();
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() <= keep) {
                    return false;
                }
                idByFile.remove(fileKey(eldest.getValue().desk, eldest.getValue().file), eldest.getKey());
                return true;
            }
        };
    }

    /** Written into its desk's inbox (again: it starts over). */
    public synchronized void queued(String id, String desk, String file) {
        byId.remove(id);
        byId.put(id, new Entry(desk, file));
        idByFile.put(fileKey(desk, file), id);
    }

    /** A route step once the article is read and named. */
    public synchronized void working(@ExchangeProperty(ArticleLogContext.ARTICLE_ID) String id) {
        update(id, "working");
    }

    /** A route step once its result is delivered. */
    public synchronized void delivered(@ExchangeProperty(ArticleLogContext.ARTICLE_ID) String id) {
        update(id, "delivered");
    }

    /** A route step of the error handling: a rejected file is known by its desk and name (it may have no id yet). */
    public synchronized void rejected(@ExchangeProperty("desk") String desk, @Header(Exchange.FILE_NAME) String file,
                                      @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception reason) {
        String id = idByFile.get(fileKey(desk, file));
        Entry entry = id == null ? null : byId.get(id);
        if (entry != null) {
            entry.status = "rejected";
            entry.reason = reason == null ? null : reason.getMessage();
        }
    }

    /** {@code GET /api/articles/<id>}: its status, and its result JSON once delivered; 404 for an id not known. */
    public String answer(@Header("id") String id, @Headers Map<String, Object> headers) throws JsonProcessingException {
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        Optional<RecentArticles.Delivered> delivered = recent.find(id);
        Entry entry;
        synchronized (this) {
            entry = byId.get(id);
        }
        ObjectNode answer = JSON.createObjectNode().put("id", id);
        if (delivered.isPresent()) {
            answer.put("desk", delivered.get().desk()).put("file", delivered.get().file()).put("status", "delivered");
            answer.set("result", JSON.readTree(delivered.get().result()));
        } else if (entry != null) {
            synchronized (this) {
                answer.put("desk", entry.desk).put("file", entry.file).put("status", entry.status);
                if (entry.reason != null) {
                    answer.put("reason", entry.reason);
                }
                if (entry.status.equals("delivered")) {
                    // Delivered, but no longer among the status page's latest articles.
                    answer.putNull("result");
                }
            }
        } else {
            headers.put(Exchange.HTTP_RESPONSE_CODE, 404);
            return JSON.writeValueAsString(JSON.createObjectNode().put("error",
                    "no such article among those lately sent or delivered (the latest " + recent.keep() + " delivered are kept)"));
        }
        return JSON.writeValueAsString(answer);
    }

    private void update(String id, String status) {
        Entry entry = id == null ? null : byId.get(id);
        if (entry != null) {
            entry.status = status;
        }
    }

    private static String fileKey(String desk, String file) {
        return desk + "/" + file;
    }
}
