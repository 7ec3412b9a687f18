package dev.groundwork.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BeatCommandTest {
    static Run run(String... args) { return Run.of(args); }

    @Test
    void anImpossibleTempoIsAUsageErrorOnOneLine(@TempDir Path dir) {
        Run r = run("beat", "trap 500 bpm", "-o", dir.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("500 BPM"), r.err());
    }

    @Test
    void aBeatIsMadeReadAndEditedFromItsPlan(@TempDir Path dir) throws Exception {
        Run r = run("beat", "house 124 bpm A minor 4 bars purple", "-o", dir.resolve("a").toString(), "--seed", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("ignored: 'purple'"), r.out());
        assertTrue(Files.exists(dir.resolve("a/beat.wav")) && Files.exists(dir.resolve("a/stems/kick.wav")));

        Run e = run("beat", "--from-plan", dir.resolve("a/beat.json").toString(), "--drop", "hats@hook", "--tempo", "126",
                "-o", dir.resolve("b").toString(), "--json");
        assertEquals(0, e.status(), e.err());
        assertTrue(e.out().contains("\"tempo_bpm\" : 126.0"), e.out());
        assertEquals(2, run("beat", "--from-plan", dir.resolve("a/beat.json").toString(), "-o", dir.resolve("a").toString()).status(),
                "the input plan is never overwritten");
        assertEquals(2, run("beat", "--from-plan", dir.resolve("a/beat.json").toString(), "--drop", "hats@bridge",
                "-o", dir.resolve("c").toString()).status());
    }

    @Test
    void aBlankPromptOrAFileForTheFolderIsAUsageErrorAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Run blank = run("beat", "  ", "-o", dir.resolve("blank").toString());
        assertEquals(2, blank.status());
        assertEquals(1, blank.err().strip().lines().count(), blank.err());
        assertTrue(blank.err().contains("prompt"), blank.err());
        assertFalse(Files.exists(dir.resolve("blank")));

        Path song = Files.writeString(dir.resolve("song.wav"), "not a folder");
        Run file = run("beat", "trap", "-o", song.toString());
        assertEquals(2, file.status());
        assertEquals("groundwork: -o " + song + " is a file; give a folder for the beat", file.err().strip());
        assertEquals("not a folder", Files.readString(song));
    }

    /** Before: --plan naming the --from-plan file replaced it (only -o DIR/beat.json was checked). */
    @Test
    void thePlanWrittenMayNotBeThePlanRead(@TempDir Path dir) throws Exception {
        Run made = run("beat", "house 124 bpm A minor 4 bars", "--plan", dir.resolve("beat.json").toString());
        assertEquals(0, made.status(), made.err());
        byte[] before = Files.readAllBytes(dir.resolve("beat.json"));
        Run r = run("beat", "--from-plan", dir.resolve("beat.json").toString(), "--tempo", "126", "--plan", dir.resolve("beat.json").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("would overwrite the input"), r.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("beat.json")));
    }

    /** Before: with --plan and no -o the plan was written silently; every other file written is announced. */
    @Test
    void aPlanWrittenAloneIsAnnounced(@TempDir Path dir) {
        Path plan = dir.resolve("idea.json");
        Run r = run("beat", "lo-fi 80 bpm 4 bars", "--plan", plan.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(plan));
        assertTrue(r.out().contains("wrote:   " + plan + " (the plan; render it with --from-plan " + plan + " -o DIR)"), r.out());
    }
}
