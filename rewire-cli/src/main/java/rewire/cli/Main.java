package rewire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the {@code rewire} command. */
@Command(name = "rewire", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Dynamic sparse training with sparse storage and sparse kernels.",
        subcommands = {TrainCommand.class, ResumeCommand.class, EvalCommand.class, ReportCommand.class,
            RecipesCommand.class, CompareCommand.class, InfoCommand.class, SampleCommand.class, PruneCommand.class,
            DistillCommand.class, SoupCommand.class, ExportCommand.class, PredictCommand.class, PlotCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Rewire's error handling: a clear one-line message, no stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new Errors());
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rewire " + (v == null ? "development build" : v)};
        }
    }
}
