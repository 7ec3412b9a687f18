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
        var beat = Run.of("produce", prompt, "-o", dir.resolve("beat").toString(), "--seed", "2");
        assertEquals(0, beat.status(), beat.err());
        var song = Run.of("produce", prompt, "-o", dir.resolve("song").toString(), "--seed", "2", "--balance", "song",
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

        var bad = Run.of("produce", prompt, "-o", dir.resolve("bad").toString(), "--balance", "loud");
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        var badLevel = Run.of("produce", prompt, "-o", dir.resolve("bad").toString(), "--masking-level", "-0.5");
        assertEquals(2, badLevel.status());
        assertEquals(1, badLevel.err().strip().lines().count(), badLevel.err());
        assertTrue(badLevel.err().contains("masking level must be 0..1"), badLevel.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("bad")), "nothing written");
    }

    @Test
    void anUnplayablePromptOrAFileForTheFolderIsAUsageErrorLikeInBeat(@TempDir Path dir) throws Exception {
        var tempo = Run.of("produce", "trap 900 bpm", "-o", dir.resolve("p").toString());
        assertEquals(2, tempo.status(), tempo.err());
        assertEquals(1, tempo.err().strip().lines().count(), tempo.err());
        assertTrue(tempo.err().contains("900 BPM"), tempo.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("p")));

        Path song = java.nio.file.Files.writeString(dir.resolve("song.wav"), "not a folder");
        var file = Run.of("produce", "trap", "-o", song.toString());
        assertEquals(2, file.status());
        assertEquals("groundwork: -o " + song + " is a file; give a folder for the project", file.err().strip());
    }

    /** Before: the beat step re-rendered into song/beat while the mix step read song/stems, so a beat edit never reached the mix. */
    @Test
    void theStepsPrintedForABeatEditAreAChainEachReadingWhatTheOneBeforeWrote(@TempDir Path dir) throws Exception {
        Path song = dir.resolve("song");
        var produced = Run.of("produce", "trap beat 140 bpm in F minor, 4 bars", "-o", song.toString(), "--json", "--more", "drums");
        assertEquals(0, produced.status(), produced.err());
        ObjectMapper json = new ObjectMapper();
        java.util.List<String[]> steps = new java.util.ArrayList<>();
        for (JsonNode line : json.readTree(produced.out()).get("revisit")) steps.add(line.asText().split(" "));
        assertEquals(java.util.List.of("beat", "mix", "master"), steps.stream().map(a -> a[1]).toList());

        // followed as printed, with nothing edited
        String[] beat = steps.get(0), mix = steps.get(1), master = steps.get(2);
        var b = Run.of(java.util.Arrays.copyOfRange(beat, 1, beat.length));
        assertEquals(0, b.status(), b.err());
        Path beatStems = Path.of(after(beat, "-o")).resolve("stems");
        assertEquals(beatStems, Path.of(mix[2]), "the mix reads the stems the beat step wrote");
        assertTrue(java.nio.file.Files.exists(beatStems.resolve("kick.wav")));
        assertTrue(String.join(" ", mix).contains(" --more drums"), "the run's intents are kept");

        var m = Run.of(java.util.Arrays.copyOfRange(mix, 1, mix.length));
        assertEquals(0, m.status(), m.err());
        JsonNode plan = json.readTree(Path.of(after(mix, "--plan")).toFile());
        java.util.Set<String> planned = new java.util.TreeSet<>(), written = new java.util.TreeSet<>();
        for (JsonNode stem : plan.get("stems")) planned.add(stem.get("file").asText());
        try (var files = java.nio.file.Files.list(beatStems)) { files.forEach(f -> written.add(f.getFileName().toString())); }
        assertEquals(written, planned, "the mix plan is made on the beat step's stems");
        assertEquals("melody.wav", plan.get("lead").asText());
        assertEquals(Path.of(after(mix, "-o")), Path.of(master[2]), "the master reads the mix the mix step wrote");

        var ms = Run.of(java.util.Arrays.copyOfRange(master, 1, master.length));
        assertEquals(0, ms.status(), ms.err());
        assertTrue(java.nio.file.Files.size(song.resolve("master.wav")) > 1000);
    }

    private static String after(String[] args, String option) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(option)) return args[i + 1];
        throw new AssertionError("no " + option + " in " + String.join(" ", args));
    }
}
