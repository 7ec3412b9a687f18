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

    /** Enabled when stdin/stdout belong to a console and we are not in CI or asked for JSON. */
    public static TerminalProgress forTerminal(boolean quiet) {
        boolean tty = System.console() != null && System.getenv("CI") == null && !quiet;
        return new TerminalProgress(System.err, tty);
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
