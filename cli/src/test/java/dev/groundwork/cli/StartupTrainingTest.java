package dev.groundwork.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupTrainingTest {
    /** The launcher's archive holds only what this run loads: a step that stops working would silently shrink it. */
    @Test
    void everyCommandOfTheTrainingRunSucceeds(@TempDir Path dir) throws Exception {
        StringWriter errors = new StringWriter();
        int failed = StartupTraining.run(dir, new PrintWriter(errors, true));
        assertEquals(0, failed, errors.toString());
        assertTrue(Files.size(dir.resolve("produce/master.wav")) > 44, "produce made a master");
        assertTrue(Files.isRegularFile(dir.resolve("beat/beat.wav")), "beat made its render");
        assertTrue(Files.size(dir.resolve("master.wav")) > 44, "master made its output");
        assertTrue(Files.size(dir.resolve("mix.wav")) > 44, "mix made its output");
    }
}
