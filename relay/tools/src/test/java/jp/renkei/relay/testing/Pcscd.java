package jp.renkei.relay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real pcscd with the vsmartcard virtual readers, started once per JVM through {@code bin/pcscd-virtual start}
 * (idempotent). Use as {@code @ExtendWith(Pcscd.class)} or call {@link #start()}. A missing pcscd fails the test with
 * what to do — card tests are never skipped: {@code bin/setup} installs the packages.
 */
public final class Pcscd implements BeforeAllCallback {
    /** The reader the card emulator's default port (35963) feeds. */
    public static final String READER = "Virtual PCD 00 00";
    private static final Pattern LOG_PATH = Pattern.compile("log (\\S+)\\)");
    private static Path log;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Starts pcscd unless this JVM already did; returns its log file. */
    public static synchronized Path start() {
        if (log != null) {
            return log;
        }
        Path script = repositoryRoot().resolve("bin").resolve("pcscd-virtual");
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " start did not finish within 30 s");
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = process.exitValue();
        } catch (IOException failure) {
            throw new AssertionError("cannot run " + script + ": " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting pcscd", interrupted);
        }
        if (exit != 0) {
            throw new AssertionError("card tests need a running pcscd with the vpcd driver, and `" + script
                    + " start` failed (exit " + exit + "):\n" + output
                    + "\nInstall the packages with bin/setup (pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools).");
        }
        Matcher path = LOG_PATH.matcher(output);
        log = path.find() ? Path.of(path.group(1)) : Path.of(System.getProperty("java.io.tmpdir"), "renkei-pcscd.log");
        return log;
    }

    /** The pcscd log (info level: pcscd never logs APDUs here). */
    public static Path log() {
        return start();
    }

    /** The virtual reader; fails if PC/SC does not list it. */
    public static CardTerminal reader() {
        start();
        try {
            CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(READER);
            if (terminal == null) {
                throw new AssertionError("PC/SC lists no reader named " + READER + ": is the vpcd driver configured?");
            }
            return terminal;
        } catch (java.security.NoSuchAlgorithmException failure) {
            throw new AssertionError("javax.smartcardio has no PC/SC service although pcscd runs", failure);
        }
    }

    /** Waits until pcscd has noticed that the card left the virtual reader, so the next test starts clean. */
    public static void awaitNoCard() {
        try {
            if (!reader().waitForCardAbsent(5_000)) {
                throw new AssertionError("pcscd still sees a card in " + READER + " after 5 s");
            }
        } catch (CardException failure) {
            throw new AssertionError("cannot ask pcscd about " + READER, failure);
        }
    }

    /** Waits until pcscd has noticed a card in the virtual reader. */
    public static void awaitCard() {
        try {
            if (!reader().waitForCardPresent(5_000)) {
                throw new AssertionError("pcscd sees no card in " + READER + " after 5 s");
            }
        } catch (CardException failure) {
            throw new AssertionError("cannot ask pcscd about " + READER, failure);
        }
    }

    /** The folder holding {@code bin/pcscd-virtual}, found by walking up from the working directory. */
    public static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isExecutable(folder.resolve("bin").resolve("pcscd-virtual"))) {
                return folder;
            }
        }
        throw new AssertionError("no bin/pcscd-virtual above " + Path.of("").toAbsolutePath());
    }

    /** For {@code @ExtendWith}; the state is per JVM. */
    public Pcscd() {
    }
}
