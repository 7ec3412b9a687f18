package dev.groundwork.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** A folder of one-shots as --kit, for two variations: both record and play it; a missing kit is one usage line. */
    @Test
    void aKitOfOneShotsPlaysTheDrumsOfEveryVariation(@TempDir Path dir) throws Exception {
        Path kit = Files.createDirectories(dir.resolve("my kit"));
        int sr = 44100;
        for (String[] shot : new String[][]{{"kick.wav", "55"}, {"snare.wav", "220"}, {"hat.wav", "7000"}}) {
            float[] x = new float[sr / 5];
            double f = Double.parseDouble(shot[1]);
            for (int i = 0; i < x.length; i++) x[i] = (float) (0.8 * Math.sin(2 * Math.PI * f * i / sr) * Math.exp(-i / (0.05 * sr)));
            dev.groundwork.core.audio.AudioFiles.write(kit.resolve(shot[0]), new dev.groundwork.core.audio.AudioBuffer(new float[][]{x}, sr),
                    dev.groundwork.core.audio.OutputFormat.wav(dev.groundwork.core.audio.OutputFormat.Encoding.FLOAT32));
        }
        Run r = run("beat", "trap 140 bpm, 4 bars", "--kit", kit.toString(), "--variations", "2", "-o", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String v : new String[]{"v1", "v2"}) {
            assertEquals(kit.toAbsolutePath().toString(), mapper.readTree(dir.resolve("out/" + v + "/beat.json").toFile()).path("kit").asText(), v);
            float[] kick = dev.groundwork.core.audio.AudioFiles.read(dir.resolve("out/" + v + "/stems/kick.wav")).channel(0);
            double peak = 0;
            for (float x : kick) peak = Math.max(peak, Math.abs(x));
            assertTrue(peak > 0.05, v + ": the kit's kick plays (peak " + peak + ")");
        }
        Run missing = run("beat", "trap 4 bars", "--kit", dir.resolve("nope").toString(), "-o", dir.resolve("x").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("kit not found"), missing.err());
    }

    /** "Lock a part and regenerate the rest": before, the CLI needed a --regenerate for every other part. */
    @Test
    void keepLocksThePartsNamedAndWritesEveryOtherPartAgain(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("a.json");
        assertEquals(0, run("beat", "trap 140 bpm F minor 8 bars", "--plan", plan.toString(), "--seed", "2").status());
        Path kept = dir.resolve("b.json");
        Run r = run("beat", "--from-plan", plan.toString(), "--keep", "drums", "--keep", "chords", "--seed", "9", "--plan", kept.toString());
        assertEquals(0, r.status(), r.err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var before = mapper.readTree(plan.toFile()).path("parts");
        var after = mapper.readTree(kept.toFile()).path("parts");
        for (int i = 0; i < before.size(); i++) {
            String name = before.get(i).path("name").asText();
            boolean locked = java.util.List.of("kick", "snare", "hats", "perc", "chords").contains(name);
            assertEquals(locked, before.get(i).path("notes").equals(after.get(i).path("notes")), name + (locked ? " is kept" : " is written again"));
        }
        Run both = run("beat", "--from-plan", plan.toString(), "--keep", "drums", "--regenerate", "bass", "--plan", dir.resolve("c.json").toString());
        assertEquals(2, both.status());
        Run unknown = run("beat", "--from-plan", plan.toString(), "--keep", "vocals", "--plan", dir.resolve("d.json").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no part 'vocals' to keep"), unknown.err());
        assertFalse(Files.exists(dir.resolve("d.json")));
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

    /** "2 variations" in the prompt makes two beats; --variations, when given, wins and the reading says so; 1..32 as the option. */
    @Test
    void thePromptsNumberOfVariationsCountsUnlessTheOptionIsGiven(@TempDir Path dir) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String plan = dir.resolve("p.json").toString();
        Run two = run("beat", "trap, 4 bars, 2 variations", "--plan", plan, "--json");
        assertEquals(0, two.status(), two.err());
        var j = mapper.readTree(two.out());
        assertEquals(2, j.path("beats").size(), two.out());
        assertEquals(List.of(), mapper.convertValue(j.path("ignored"), List.class));
        assertNotEquals(j.path("beats").get(0).path("seed").asLong(), j.path("beats").get(1).path("seed").asLong(), "two different takes");

        Run three = run("beat", "trap, 4 bars, 2 variations", "--variations", "3", "--plan", plan, "--json");
        assertEquals(0, three.status(), three.err());
        var k = mapper.readTree(three.out());
        assertEquals(3, k.path("beats").size(), "the option wins");
        assertTrue(k.path("reading").toString().contains("--variations 3 wins over the prompt's 2"), k.path("reading").toString());
        // the option written out as 1 wins too
        assertEquals(1, mapper.readTree(run("beat", "trap, 4 bars, three takes", "--variations", "1", "--plan", plan, "--json").out()).path("beats").size());

        Run tooMany = run("beat", "trap, 4 bars, 40 variations", "--plan", plan);
        assertEquals(2, tooMany.status());
        assertEquals(1, tooMany.err().strip().lines().count(), tooMany.err());
        assertTrue(tooMany.err().contains("1..32"), tooMany.err());
    }

    @Test
    void anArtistIsReadAsOneReferenceLine(@TempDir Path dir) {
        Run r = run("beat", "melodic airy rolling hypnotic trap like Juice WRLD, 4 bars", "--plan", dir.resolve("p.json").toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("ignored:"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.strip().startsWith("reference: 'Juice WRLD' is not imitated")).count(), r.out());
    }

    /** A variation's folder that cannot be written is found before the first variation is made: nothing is written half. */
    @Test
    void aBadVariationFolderStopsTheRunBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("takes/v3/beat.wav"));
        Run r = run("beat", "trap 4 bars", "-o", dir.resolve("takes").toString(), "--variations", "3");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("v3") && r.err().contains("beat.wav"), r.err());
        assertFalse(Files.exists(dir.resolve("takes/v1")), "no variation written");
    }

    /** Several takes print one reading: shared lines as they are, a seeded line once by its label (it used to show take 1's key). */
    @Test
    void severalTakesShareOneReadingThatPointsAtTheTableForWhatDiffers(@TempDir Path dir) {
        assertEquals(List.of("genre: trap", "key: differs from take to take (see the table)", "form: hook 8"),
                BeatCommand.sharedReading(List.of(List.of("genre: trap", "key: B minor (chosen by the seed)", "form: hook 8"),
                        List.of("genre: trap", "key: G# minor (chosen by the seed)", "form: hook 8"))));
        Run r = run("beat", "dark trap 4 bars", "-o", dir.resolve("takes").toString(), "--variations", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  key: differs from take to take (see the table)"), r.out());
        assertFalse(r.out().contains("chosen by the seed; name a key"), r.out());
    }
}
