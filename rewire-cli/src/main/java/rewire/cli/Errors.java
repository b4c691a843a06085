package rewire.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;
import rewire.config.ConfigException;
import rewire.io.CorruptFileException;
import rewire.io.FileErrors;
import rewire.train.NonFiniteLossException;

/**
 * Turns a command's exception into one message a person can act on. Bad input (configuration,
 * data, files) exits with 2, a failed run with 1; {@code -Drewire.debug=true} adds the stack trace.
 */
final class Errors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("rewire " + cmd.getCommandName() + ": " + message(e));
        if (Boolean.getBoolean("rewire.debug")) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return badInput(e) ? 2 : 1;
    }

    private static boolean badInput(Exception e) {
        return e instanceof ConfigException || e instanceof IllegalArgumentException || e instanceof CorruptFileException
                || e instanceof IOException;
    }

    private static String message(Exception e) {
        if (e instanceof NonFiniteLossException || e instanceof ConfigException) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException fs) {
            return FileErrors.describe(fs);  // its own message may be the bare path
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
