package dev.groundwork.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A missing input is said the same way by every command: its name, "no such file" or "no such folder", exit 1. */
class MissingInputTest {
    @TempDir
    Path dir;

    private void said(String line, String... args) {
        Run r = Run.of(args);
        assertEquals(1, r.status(), r.err());
        assertEquals("groundwork: " + line, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void audioAndPlans() {
        said("gone.wav: no such file", "analyze", dir.resolve("gone.wav").toString());
        said("gone.wav: no such file", "master", dir.resolve("gone.wav").toString(), "-o", dir.resolve("m.wav").toString());
        said("gone.json: no such file", "beat", "--from-plan", dir.resolve("gone.json").toString(), "-o", dir.resolve("b").toString());
    }

    /** Before: "…/gone is not a folder of stems", as if something stood there that was not a folder. */
    @Test
    void aStemFolder() {
        Path gone = dir.resolve("gone");
        said(gone + ": no such folder", "mix", gone.toString(), "-o", dir.resolve("mix.wav").toString());
    }
}
