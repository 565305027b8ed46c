package newsdesk.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void intervalSurroundsTheMeanAndIsDeterministic() {
        double[] values = new Random(1).doubles(300, 0, 100).toArray();
        double mean = Arrays.stream(values).average().orElseThrow();

        Bootstrap.Interval interval = Bootstrap.interval95(values);

        assertThat(interval.low()).isLessThan(mean).isGreaterThan(mean - 6);
        assertThat(interval.high()).isGreaterThan(mean).isLessThan(mean + 6);
        assertThat(Bootstrap.interval95(values)).isEqualTo(interval);
    }

    @Test
    void constantScoresHaveNoSpread() {
        assertThat(Bootstrap.interval95(new double[] {40, 40, 40})).isEqualTo(new Bootstrap.Interval(40, 40));
    }
}
