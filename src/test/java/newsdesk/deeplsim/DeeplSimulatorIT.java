package newsdesk.deeplsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's command line from the packaged jar: its own mistakes are one line and exit code 2. */
class DeeplSimulatorIT {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsOneLineAndExitCode2() throws Exception {
        try (DeeplSimulator running = DeeplSimulator.start("k")) {
            String port = running.url().replaceAll(".*:", "");
            Run run = run("--port", port);
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.lines).singleElement().asString()
                    .startsWith("Cannot listen on 127.0.0.1:" + port + " (the port is in use)").contains("Usage:");
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCode2AndHelpPrintsTheUsage() throws Exception {
        Run wrong = run("--quota", "10");
        assertThat(wrong.exit).isEqualTo(2);
        assertThat(wrong.lines).singleElement().asString().startsWith("Unknown option --quota.");

        Run help = run("--help");
        assertThat(help.exit).isZero();
        assertThat(help.lines).containsExactly(DeeplSimulator.USAGE);
    }

    private record Run(int exit, List<String> lines) {
    }

    private Run run(String... args) throws Exception {
        Path log = dir.resolve("sim-" + System.nanoTime() + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/newsdesk.jar", DeeplSimulator.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readAllLines(log));
    }
}
