package newsdesk.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DeepL's usage in words: an account without a limit (DeepL reports 10^12) is not shown as "0 of 1000000000000". */
class DeeplUsageDescribeTest {

    @Test
    void anAccountWithALimitShowsItsLimit() {
        assertThat(DeeplUsage.describe(3998, 500_000)).isEqualTo("3998 of 500000 characters used this billing period");
    }

    @Test
    void anAccountWithoutALimitSaysSo() {
        assertThat(DeeplUsage.describe(0, 1_000_000_000_000L)).isEqualTo("0 characters used this billing period, no character limit");
        assertThat(DeeplUsage.describe(12, Long.MAX_VALUE)).isEqualTo("12 characters used this billing period, no character limit");
    }
}
