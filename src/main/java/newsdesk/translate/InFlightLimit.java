package newsdesk.translate;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An adaptive limit on DeepL requests in flight (AIMD, as TCP does it): each 429 halves the limit,
 * and it grows back by one for every {@code limit} successful requests (one round), up to the
 * maximum. One burst of 429s counts once: only a request started after the last cut can cut again.
 */
public class InFlightLimit {

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private int limit;
    private int successesSinceGrowth;
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

        /** The request succeeded: a full round of successes adds one to the limit. */
        public void succeeded() {
            release(() -> {
                if (limit < max && ++successesSinceGrowth >= limit) {
                    limit++;
                    successesSinceGrowth = 0;
                }
            });
        }

        /**
         * DeepL answered 429: the limit halves, unless an earlier 429 already cut it for this round.
         * Returns the limit now.
         */
        public int throttled() {
            release(() -> {
                if (takenInEpoch == epoch) {
                    limit = Math.max(1, limit / 2);
                    successesSinceGrowth = 0;
                    epoch++;
                }
            });
            return current();
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
            while (inFlight >= limit) {
                roomFreed.await();
            }
            inFlight++;
            return new Permit(epoch);
        } finally {
            lock.unlock();
        }
    }

    /** How many requests may be in flight now. */
    public int current() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** How many requests are in flight now (for the status page). */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public int max() {
        return max;
    }
}
