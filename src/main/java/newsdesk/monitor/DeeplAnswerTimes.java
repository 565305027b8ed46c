package newsdesk.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import newsdesk.translate.DeeplAnswers;

/** The answer times of DeepL's translate requests since they were last taken, for the work summary. */
public class DeeplAnswerTimes implements DeeplAnswers {

    /** The median and 95th percentile answer time of {@code answers} requests (0 ms when none). */
    public record Figures(int answers, long p50Ms, long p95Ms) {
    }

    private List<Long> nanos = new ArrayList<>();

    @Override
    public synchronized void answered(long billedCharacters, long nanos) {
        this.nanos.add(nanos);
    }

    /** The figures of the answers since the last call, which start afresh. */
    public Figures take() {
        List<Long> taken;
        synchronized (this) {
            taken = nanos;
            nanos = new ArrayList<>();
        }
        Collections.sort(taken);
        return new Figures(taken.size(), percentileMs(taken, 0.50), percentileMs(taken, 0.95));
    }

    /** Nearest rank: the smallest time at least this share of the answers took no longer than. */
    private static long percentileMs(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1_000_000;
    }
}
