package jp.renkei.ingest.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one line a user can act on (exit code 1), instead of a stack trace.
 * {@code RENKEI_DEBUG=1} prints the stack trace as well.
 */
public final class CommandErrors implements CommandLine.IExecutionExceptionHandler {
    private final String program;

    public CommandErrors(String program) {
        this.program = program;
    }

    /** A CommandLine for {@code command} that reports failures this way and takes enum values in any case. */
    public static CommandLine commandLine(String program, Object command) {
        return new CommandLine(command).setExecutionExceptionHandler(new CommandErrors(program))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println(program + ": " + describe(failure));
        if ("1".equals(System.getenv("RENKEI_DEBUG"))) {
            failure.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("(set RENKEI_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    static String describe(Throwable failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "file or folder not found: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
