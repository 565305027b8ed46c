package newsdesk.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConsumer;
import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.errorhandler.KafkaConsumerListener;
import org.apache.camel.component.kafka.consumer.support.ProcessingResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a Kafka worker have up to {@code maxInFlight} articles in flight, several of one partition among
 * them, and commits a partition's offset only up to its oldest unfinished article, so a worker that
 * dies skips nothing: what it had not finished is read again by the next one (and what it had finished
 * after that is done again, the same result with the same id, the translation from the cache).
 *
 * <p>It is the route's {@code kafkaManualCommitFactory}: each record's {@code CamelKafkaManualCommit}
 * header is one of its {@link TakenRecord}s, whose {@code commit()} marks the article finished. As a
 * factory of its own, not one of camel-kafka's, it makes camel-kafka commit nothing by itself (its
 * commit managers would commit every record handed on). Offsets are committed only on the consumer's
 * own thread, as the Kafka client requires: when the next record is taken and after each poll (it is
 * the consumer's listener, see {@link #listenTo}), so within a poll timeout when nothing new comes.
 */
public class KafkaOffsetTracker implements KafkaManualCommitFactory {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.kafka");

    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition articleFinished = lock.newCondition();
    /** Per partition, the offsets taken and not yet committed past: false while in flight, true once finished. */
    private final Map<TopicPartition, TreeMap<Long, Boolean>> taken = new HashMap<>();
    /** Per partition, the next offset to commit (the oldest unfinished, or one past the last finished). */
    private final Map<TopicPartition, Long> toCommit = new HashMap<>();
    private int inFlight;

    public KafkaOffsetTracker(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** One record of the work queue, taken by this worker; {@link #commit()} says its article is done. */
    public final class TakenRecord implements KafkaManualCommit {
        private final Consumer<?, ?> consumer;
        private final TopicPartition partition;
        private final long offset;

        TakenRecord(Consumer<?, ?> consumer, TopicPartition partition, long offset) {
            this.consumer = consumer;
            this.partition = partition;
            this.offset = offset;
        }

        @Override
        public void commit() {
            finished(this);
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload camel, KafkaRecordPayload record, CommitManager unused) {
        return new TakenRecord(camel.consumer, record.partition, record.recordOffset);
    }

    /**
     * On the consumer's thread, before the record is handed to a worker thread: waits while {@code
     * maxInFlight} articles are in flight, committing what finishes meanwhile, then counts this one in.
     */
    public void take(TakenRecord record) throws InterruptedException {
        lock.lock();
        try {
            while (inFlight >= maxInFlight) {
                lock.unlock();
                try {
                    commitFinished(record.consumer);
                } finally {
                    lock.lock();
                }
                if (inFlight >= maxInFlight) {
                    articleFinished.await();
                }
            }
            // A record read again after a failed hand-off is already counted.
            if (taken.computeIfAbsent(record.partition, p -> new TreeMap<>()).putIfAbsent(record.offset, false) == null) {
                inFlight++;
            }
        } finally {
            lock.unlock();
        }
        commitFinished(record.consumer);
    }

    private void finished(TakenRecord record) {
        lock.lock();
        try {
            TreeMap<Long, Boolean> offsets = taken.get(record.partition);
            if (offsets == null || offsets.replace(record.offset, true) == null) {
                return;
            }
            inFlight--;
            // Everything up to the oldest unfinished article of the partition is done.
            Long next = null;
            while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
                next = offsets.pollFirstEntry().getKey() + 1;
            }
            if (next != null) {
                toCommit.put(record.partition, next);
            }
            articleFinished.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** On the consumer's thread only: commits what has finished since the last call. */
    private void commitFinished(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        lock.lock();
        try {
            toCommit.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            toCommit.clear();
        } finally {
            lock.unlock();
        }
        // A partition given to another worker meanwhile is its business now.
        offsets.keySet().retainAll(consumer.assignment());
        if (!offsets.isEmpty()) {
            try {
                // Synchronously: a worker stopped right after its last article has committed it.
                consumer.commitSync(offsets);
            } catch (KafkaException e) {
                // Most likely a rebalance: whoever has the partitions now reads from the last commit, so
                // what this worker finished since then is done again (the same results), never skipped.
                LOG.warn("Could not commit {} on the work queue: {}", offsets, e.getMessage());
            }
        }
    }

    /**
     * Commits after each poll of this route's consumer too, so the last articles of a run are committed
     * while nothing new comes. Call it before the consumer starts: it reads its listener when it starts.
     */
    public void listenTo(Route route) {
        if (route != null && route.getConsumer() instanceof KafkaConsumer consumer) {
            consumer.setConsumerListener(new KafkaConsumerListener() {
                @Override
                public boolean afterConsume(Object kafkaConsumer) {
                    commitFinished((Consumer<?, ?>) kafkaConsumer);
                    return true;
                }

                @Override
                public boolean afterProcess(ProcessingResult result) {
                    return true;
                }
            });
        }
    }
}
