package newsdesk;

import newsdesk.cli.Commands;
import org.apache.camel.main.Main;

/** Runs the service, or one of the command-line tools when the first argument names one. */
public final class Newsdesk {
    public static void main(String[] args) throws Exception {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
        }
        new Main(Newsdesk.class).run(args);
    }
}
