package dev.groundwork.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every command shares: the top-level help and how a mistyped command line is reported. */
class MainTest {
    record Run(int status, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aMistypedOptionIsOneLineThatSaysWhereHelpIs() {
        Run r = run("master", "in.wav", "-o", "out.wav", "--bogus");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("groundwork: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("groundwork master --help"), r.err());

        Run bad = run("beat", "trap", "-o", "x", "--seed", "abc");
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("'abc'") && bad.err().contains("groundwork beat --help"), bad.err());
    }
}
