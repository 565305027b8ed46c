package newsdesk;

import newsdesk.cli.Commands;

/** Runs the service, or, given arguments, a command-line tool, --help or --version. */
public final class Newsdesk {
    public static void main(String[] args) throws Exception {
        System.exit(args.length == 0 ? Service.run() : Commands.run(args));
    }
}
