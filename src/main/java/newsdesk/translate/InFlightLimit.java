package newsdesk.translate;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An adaptive limit on DeepL requests in flight (AIMD, as TCP does it): each 429 halves the limit,
 * each success adds {@code 1/limit}, so it grows back by one per round of successful requests, up to
 * the maximum. One burst of 429s counts once: only a request started after the last cut can cut again.
 */
public class InFlightLimit {

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private double limit;
    private int inFlight;
    /** Bumped at every cut; a permit remembers the epoch it was taken in. */
    private long epoch;

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("The limit on requests in flight must be at least 1: " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /** The right to send one request; give it back with exactly one of its methods. */
    public final class Permit {
        private final long takenInEpoch;
        private boolean returned;

        private Permit(long takenInEpoch) {
            this.takenInEpoch = takenInEpoch;
        }

        /** The request succeeded: the limit grows by {@code 1/limit}. */
        public void succeeded() {
            release(() -> limit = Math.min(max, limit + 1 / limit));
        }

        /** DeepL answered 429: the limit halves, unless an earlier 429 already cut it for this round. */
        public void throttled() {
            release(() -> {
                if (takenInEpoch == epoch) {
                    limit = Math.max(1, Math.floor(limit / 2));
                    epoch++;
                }
            });
        }

        /** The request failed for another reason, which says nothing about DeepL's load. */
        public void failed() {
            release(() -> { });
        }

        private void release(Runnable adjust) {
            lock.lock();
            try {
                if (returned) {
                    return;
                }
                returned = true;
                inFlight--;
                adjust.run();
                roomFreed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until one more request may be sent. */
    public Permit acquire() throws InterruptedException {
        lock.lock();
        try {
            while (inFlight >= (int) limit) {
                roomFreed.await();
            }
            inFlight++;
            return new Permit(epoch);
        } finally {
            lock.unlock();
        }
    }

    /** The current limit, rounded down: how many requests may be in flight now. */
    public int current() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    public int max() {
        return max;
    }
}
