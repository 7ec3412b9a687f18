package dev.groundwork.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress bars go to a person at a terminal, never into a log file or a pipe. */
class TerminalProgressTest {
    @Test
    void aBarIsDrawnOnlyWhenStandardErrorIsATerminal() {
        assertTrue(TerminalProgress.enabled(true, "/dev/pts/3", false, false));
        assertTrue(TerminalProgress.enabled(true, "/dev/tty1", false, false));
        assertTrue(TerminalProgress.enabled(true, null, false, false), "without /proc the console check decides");
        // 'groundwork master in.wav -o out.wav 2> log.txt' typed at a terminal: stdin and stdout are the terminal
        assertFalse(TerminalProgress.enabled(true, "/home/me/log.txt", false, false));
        assertFalse(TerminalProgress.enabled(true, "pipe:[48213]", false, false));
        assertFalse(TerminalProgress.enabled(false, "/dev/pts/3", false, false));
        assertFalse(TerminalProgress.enabled(true, "/dev/pts/3", true, false), "CI");
        assertFalse(TerminalProgress.enabled(true, "/dev/pts/3", false, true), "--json");
    }
}
