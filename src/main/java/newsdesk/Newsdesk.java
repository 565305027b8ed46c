package newsdesk;

import newsdesk.cli.Commands;

/** Runs the service, or one of the command-line tools when the first argument names one. */
public final class Newsdesk {
    public static void main(String[] args) throws Exception {
        System.exit(Commands.isCommand(args) ? Commands.run(args) : Service.run(args));
    }
}
