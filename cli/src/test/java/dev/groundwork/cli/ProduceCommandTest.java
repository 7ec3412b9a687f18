package dev.groundwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** produce mixes its beat with the beat balance (kick and bass near the lead) unless the producer asks otherwise. */
class ProduceCommandTest {
    private static double target(JsonNode mixPlan, String file) {
        for (JsonNode s : mixPlan.get("stems")) {
            if (s.get("file").asText().equals(file)) {
                Matcher m = Pattern.compile("target (-?[0-9.]+) LUFS").matcher(s.get("gain_reason").asText());
                assertTrue(m.find(), s.toString());
                return Double.parseDouble(m.group(1));
            }
        }
        throw new AssertionError("no stem " + file + " in " + mixPlan);
    }

    @Test
    void produceUsesTheBeatBalanceAndTheProducerCanChooseTheSongBalance(@TempDir Path dir) throws Exception {
        String prompt = "trap beat 140 bpm in F minor, 4 bars";
        var beat = BeatCommandTest.run("produce", prompt, "-o", dir.resolve("beat").toString(), "--seed", "2");
        assertEquals(0, beat.status(), beat.err());
        var song = BeatCommandTest.run("produce", prompt, "-o", dir.resolve("song").toString(), "--seed", "2", "--balance", "song",
                "--masking-level", "0.5");
        assertEquals(0, song.status(), song.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode b = json.readTree(dir.resolve("beat/mix.json").toFile()), s = json.readTree(dir.resolve("song/mix.json").toFile());
        // Relative to the melody (the lead, at the same level in both), the kick comes up 6.5 dB and the 808 3 dB.
        double kickB = target(b, "kick.wav") - target(b, "melody.wav"), kickS = target(s, "kick.wav") - target(s, "melody.wav");
        assertEquals(6.5, kickB - kickS, 0.05);
        assertEquals(-5.5, kickB, 0.05, "the kick 4.5 dB under a lead vocal's level, the named melody 1 dB under that");
        assertTrue(b.get("notes").toString().contains("beat balance"), b.get("notes").toString());
        assertEquals(0.2, b.get("masking_level").asDouble(), "the default masking level, recorded in the plan");
        assertEquals(0.5, s.get("masking_level").asDouble(), "--masking-level reaches produce's mix plan");
        assertTrue(s.toString().contains("level 0.50: "), "the gain reasons name the level");

        var bad = BeatCommandTest.run("produce", prompt, "-o", dir.resolve("bad").toString(), "--balance", "loud");
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        var badLevel = BeatCommandTest.run("produce", prompt, "-o", dir.resolve("bad").toString(), "--masking-level", "-0.5");
        assertEquals(2, badLevel.status());
        assertEquals(1, badLevel.err().strip().lines().count(), badLevel.err());
        assertTrue(badLevel.err().contains("masking level must be 0..1"), badLevel.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("bad")), "nothing written");
    }

    @Test
    void anUnplayablePromptOrAFileForTheFolderIsAUsageErrorLikeInBeat(@TempDir Path dir) throws Exception {
        var tempo = BeatCommandTest.run("produce", "trap 900 bpm", "-o", dir.resolve("p").toString());
        assertEquals(2, tempo.status(), tempo.err());
        assertEquals(1, tempo.err().strip().lines().count(), tempo.err());
        assertTrue(tempo.err().contains("900 BPM"), tempo.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("p")));

        Path song = java.nio.file.Files.writeString(dir.resolve("song.wav"), "not a folder");
        var file = BeatCommandTest.run("produce", "trap", "-o", song.toString());
        assertEquals(2, file.status());
        assertEquals("groundwork: -o " + song + " is a file; give a folder for the project", file.err().strip());
    }
}
