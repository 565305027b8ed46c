package newsdesk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void eachRoundOf429sHalvesTheLimitDownToOne() throws Exception {
        InFlightLimit limit = new InFlightLimit(8);

        assertThat(throttledRound(limit, 8)).isEqualTo(4);
        assertThat(throttledRound(limit, 4)).isEqualTo(2);
        assertThat(throttledRound(limit, 2)).isEqualTo(1);
        assertThat(throttledRound(limit, 1)).isEqualTo(1);
    }

    @Test
    void growsBackByOnePerRoundOfSuccessesUpToTheMaximum() throws Exception {
        InFlightLimit limit = new InFlightLimit(4);
        throttledRound(limit, 4);
        throttledRound(limit, 2);
        assertThat(limit.current()).isEqualTo(1);

        limit.acquire().succeeded();
        assertThat(limit.current()).isEqualTo(2);
        limit.acquire().succeeded();
        limit.acquire().succeeded();
        assertThat(limit.current()).isEqualTo(3);
        for (int i = 0; i < 20; i++) {
            limit.acquire().succeeded();
        }
        assertThat(limit.current()).isEqualTo(4);
    }

    @Test
    void otherFailuresLeaveTheLimitAlone() throws Exception {
        InFlightLimit limit = new InFlightLimit(3);

        InFlightLimit.Permit permit = limit.acquire();
        permit.failed();
        permit.failed();

        assertThat(limit.current()).isEqualTo(3);
        List<InFlightLimit.Permit> all = List.of(limit.acquire(), limit.acquire(), limit.acquire());
        all.forEach(InFlightLimit.Permit::succeeded);
    }

    @Test
    void aRequestWaitsWhileTheLimitIsTakenAndGoesAsSoonAsAPermitReturns() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Permit first = limit.acquire();
        InFlightLimit.Permit second = limit.acquire();

        CompletableFuture<InFlightLimit.Permit> third = CompletableFuture.supplyAsync(() -> {
            try {
                return limit.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(third).isNotDone();

        first.succeeded();
        await().atMost(Duration.ofSeconds(5)).until(third::isDone);
        second.succeeded();
        third.get().succeeded();
    }

    /** Sends {@code requests} at once and has every one answered 429; returns the limit afterwards. */
    private static int throttledRound(InFlightLimit limit, int requests) throws InterruptedException {
        List<InFlightLimit.Permit> permits = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            permits.add(limit.acquire());
        }
        permits.forEach(InFlightLimit.Permit::throttled);
        return limit.current();
    }
}
