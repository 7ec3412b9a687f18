package dev.groundwork.cli;

import dev.groundwork.core.progress.ProgressListener;

import java.io.PrintStream;

/** A one-line progress bar on standard error, drawn only when a person is watching a terminal. */
public final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final boolean enabled;
    private String lastLine = "";
    private long lastDraw;

    private TerminalProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /**
     * Enabled when a person watches standard error on a terminal, not in CI and not with --json. The JDK's console
     * check looks at stdin and stdout only, so `groundwork master ... 2> log.txt` typed at a terminal filled the log
     * with bars; where Linux says where standard error goes (/proc/self/fd/2), that decides.
     */
    public static TerminalProgress forTerminal(boolean quiet) {
        return new TerminalProgress(System.err, enabled(consoleIsTerminal(), stderrTarget(), System.getenv("CI") != null, quiet));
    }

    /** {@code stderrTarget} is where fd 2 points ("/dev/pts/3", "/tmp/log.txt", "pipe:[123]"), or null when unknown. */
    static boolean enabled(boolean console, String stderrTarget, boolean ci, boolean quiet) {
        if (!console || ci || quiet) return false;
        return stderrTarget == null || stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty");
    }

    private static boolean consoleIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try { // JDK 22+: a Console exists even when redirected; isTerminal() says whether it is one
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17 to 21: console() is null unless stdin and stdout are a terminal
        }
    }

    private static String stderrTarget() {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return null; // no /proc (macOS, Windows): the console check alone decides
        }
    }

    @Override
    public synchronized void progress(String stage, double fraction) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (fraction < 1 && now - lastDraw < 50_000_000L) return;
        lastDraw = now;
        int width = 30, filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        String line = String.format("\r%-12s [%s%s] %3d%%", stage, "#".repeat(filled), " ".repeat(width - filled),
                (int) Math.round(fraction * 100));
        if (!line.equals(lastLine)) {
            err.print(line);
            err.flush();
            lastLine = line;
        }
    }

    @Override
    public synchronized void close() {
        if (enabled && !lastLine.isEmpty()) {
            err.print("\r" + " ".repeat(lastLine.length()) + "\r");
            err.flush();
        }
    }
}
