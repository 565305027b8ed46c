package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void aFlagTakesNoValueAndTheOptionsAroundItKeepTheirs() throws Exception {
        Options options = Options.parse(new String[] {"--data", "d", "--once", "--runs", "3"}, Set.of("data", "runs"), Set.of("once"));

        assertThat(options.flag("once")).isTrue();
        assertThat(options.required("data")).isEqualTo("d");
        assertThat(options.required("runs")).isEqualTo("3");
    }

    @Test
    void aFlagNotGivenIsFalse() throws Exception {
        assertThat(Options.parse(new String[] {"--data", "d"}, Set.of("data"), Set.of("once")).flag("once")).isFalse();
    }

    @Test
    void aFlagIsUnknownToACommandThatHasNoneAndAValueIsStillRequired() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--once"}, Set.of("data")))
                .isInstanceOf(Options.UsageException.class).hasMessage("unknown argument: --once");
        assertThatThrownBy(() -> Options.parse(new String[] {"--once", "--data"}, Set.of("data"), Set.of("once")))
                .isInstanceOf(Options.UsageException.class).hasMessage("missing value for --data");
    }
}
