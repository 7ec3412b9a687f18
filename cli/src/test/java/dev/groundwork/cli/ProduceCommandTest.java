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
    void theReadingOfThePromptIsPrintedWithWhatWasNotUnderstood(@TempDir Path dir) throws Exception {
        var r = Run.of("produce", "dark trap 140 bpm, 4 bars, zorblax", "-o", dir.resolve("p").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("prompt:  dark trap 140 bpm, 4 bars, zorblax"), r.out());
        assertTrue(r.out().contains("\n  tempo: 140 BPM as asked"), r.out());
        assertTrue(r.out().contains("\n  ignored: 'zorblax'"), r.out());
    }

    /** The prompt's "2 versions" or --variations: finished tracks to choose from, each a project folder of its own. */
    @Test
    void severalTakesAreSeveralProjectsFromConsecutiveSeeds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("takes");
        var r = Run.of("produce", "dark trap 140 bpm, 4 bars, 2 versions", "-o", out.toString(), "--seed", "5");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Produced 2 takes"), r.out());
        ObjectMapper m = new ObjectMapper();
        for (int t = 1; t <= 2; t++) {
            Path take = out.resolve("v" + t);
            assertTrue(java.nio.file.Files.exists(take.resolve("master.wav")) && java.nio.file.Files.exists(take.resolve("mix.dawproject")), take.toString());
            JsonNode beat = m.readTree(take.resolve("beat.json").toFile());
            assertEquals(4 + t, beat.get("seed").asLong(), "take " + t + " has seed 5 + " + (t - 1));
            assertTrue(beat.get("reading").toString().contains("take " + t + " of 2 (seed " + (4 + t) + ")"), beat.get("reading").toString());
        }
        assertFalse(java.nio.file.Files.exists(out.resolve("master.wav")), "no single project at the top");
        // the takes differ, and a take is the same track a single produce with its seed makes
        var single = Run.of("produce", "dark trap 140 bpm, 4 bars", "-o", dir.resolve("single").toString(), "--seed", "6");
        assertEquals(0, single.status(), single.err());
        assertArrayEquals(java.nio.file.Files.readAllBytes(dir.resolve("single/master.wav")), java.nio.file.Files.readAllBytes(out.resolve("v2/master.wav")));
        assertFalse(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(out.resolve("v1/master.wav")), java.nio.file.Files.readAllBytes(out.resolve("v2/master.wav"))));

        // --variations wins over the prompt's count, and the reading says so; JSON lists the takes
        var json = Run.of("produce", "trap 4 bars, 3 versions", "-o", dir.resolve("one").toString(), "--variations", "1", "--json");
        assertEquals(0, json.status(), json.err());
        assertTrue(m.readTree(json.out()).get("reading").toString().contains("--variations 1 wins over the prompt's 3"), json.out());
        var two = Run.of("produce", "trap 4 bars", "-o", dir.resolve("two").toString(), "--variations", "2", "--json");
        assertEquals(2, m.readTree(two.out()).get("takes").size(), two.out());
        assertEquals(2, Run.of("produce", "trap 4 bars", "-o", dir.resolve("bad").toString(), "--variations", "40").status());
        // a take's folder that cannot be written is found before the first take is made
        java.nio.file.Files.createDirectories(dir.resolve("blocked/v2/master.wav"));
        var blocked = Run.of("produce", "trap 4 bars", "-o", dir.resolve("blocked").toString(), "--variations", "2");
        assertEquals(2, blocked.status(), blocked.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("blocked/v1")), "nothing written");
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

    /**
     * Before: the beat step re-rendered into song/beat while the mix step read song/stems, so a beat edit never reached the mix.
     * Then: produce wrote its own stems (dry, 32-bit float, without the beat's levels and pans) where 'beat' writes stereo 24-bit
     * stems at the beat's balance, and the chain's mix guessed roles and tempo, so with nothing edited it made another mix.
     */
    @Test
    void theStepsPrintedForABeatEditAreAChainThatWithNothingEditedWritesProducesFilesAgain(@TempDir Path dir) throws Exception {
        Path song = dir.resolve("song");
        var produced = Run.of("produce", "trap beat 140 bpm in F minor, 4 bars", "-o", song.toString(), "--json", "--more", "drums");
        assertEquals(0, produced.status(), produced.err());
        java.util.Map<String, byte[]> before = new java.util.TreeMap<>();
        for (String f : new String[]{"mix.wav", "mix.json", "master.wav", "master.json"}) before.put(f, java.nio.file.Files.readAllBytes(song.resolve(f)));
        try (var files = java.nio.file.Files.list(song.resolve("stems"))) {
            for (Path f : files.toList()) before.put("stems/" + f.getFileName(), java.nio.file.Files.readAllBytes(f));
        }
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
        for (var stem : before.entrySet()) {
            if (!stem.getKey().startsWith("stems/")) continue;
            assertArrayEquals(stem.getValue(), java.nio.file.Files.readAllBytes(beatStems.getParent().resolve(stem.getKey())),
                    stem.getKey() + ": produce writes the stems 'beat --from-plan' writes, byte for byte");
        }
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
        for (String f : new String[]{"mix.wav", "mix.json", "master.wav", "master.json"}) {
            assertArrayEquals(before.get(f), java.nio.file.Files.readAllBytes(song.resolve(f)), f + " written again as produce wrote it");
        }
    }

    /** After an edit of mix.json only, the printed mix step renders the plan as edited: a stem raised 3 dB is 3 dB louder. */
    @Test
    void theStepsPrintedForAMixEditRenderTheEditedPlan(@TempDir Path dir) throws Exception {
        Path song = dir.resolve("song");
        var produced = Run.of("produce", "trap beat 140 bpm in F minor, 4 bars", "-o", song.toString(), "--json");
        assertEquals(0, produced.status(), produced.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode steps = json.readTree(produced.out()).get("revisit_after_mix_edit");
        assertEquals(2, steps.size(), steps.toString());
        String[] mix = steps.get(0).asText().split(" ");
        assertTrue(steps.get(0).asText().contains(" --from-plan "), steps.toString());
        assertTrue(steps.get(1).asText().startsWith("groundwork master "), steps.toString());
        byte[] producedMix = java.nio.file.Files.readAllBytes(song.resolve("mix.wav"));

        // unedited, the step writes produce's mix again; --stems (which a replay honours) shows each processed stem
        var same = Run.of(withStems(mix, dir.resolve("before")));
        assertEquals(0, same.status(), same.err());
        assertArrayEquals(producedMix, java.nio.file.Files.readAllBytes(song.resolve("mix.wav")));

        // raise the chords 3 dB as the docs say (its compressor's threshold with it, so the compression stays as planned)
        var plan = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(song.resolve("mix.json").toFile());
        for (JsonNode stem : plan.get("stems")) {
            if (!stem.get("file").asText().equals("chords.wav")) continue;
            var s = (com.fasterxml.jackson.databind.node.ObjectNode) stem;
            s.put("gain_db", s.get("gain_db").asDouble() + 3);
            if (s.hasNonNull("compression")) {
                var c = (com.fasterxml.jackson.databind.node.ObjectNode) s.get("compression");
                c.put("threshold_db", c.get("threshold_db").asDouble() + 3);
            }
        }
        json.writeValue(song.resolve("mix.json").toFile(), plan);
        var edited = Run.of(withStems(mix, dir.resolve("after")));
        assertEquals(0, edited.status(), edited.err());
        double chordsOverKickBefore = rmsDb(dir.resolve("before/chords.wav")) - rmsDb(dir.resolve("before/kick.wav"));
        double chordsOverKickAfter = rmsDb(dir.resolve("after/chords.wav")) - rmsDb(dir.resolve("after/kick.wav"));
        assertEquals(3.0, chordsOverKickAfter - chordsOverKickBefore, 0.05, "the chords 3 dB louder against the kick");

        // --beat-plan decides roles, lead and tempo: refused with --from-plan, and it must be the plan of these stems
        var refused = Run.of("mix", song.resolve("stems").toString(), "--from-plan", song.resolve("mix.json").toString(), "-o",
                dir.resolve("x.wav").toString(), "--beat-plan", song.resolve("beat.json").toString());
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("--beat-plan decides the plan"), refused.err());
        java.nio.file.Files.delete(song.resolve("stems/melody.wav"));
        var mismatched = Run.of("mix", song.resolve("stems").toString(), "-o", dir.resolve("x.wav").toString(), "--beat-plan",
                song.resolve("beat.json").toString());
        assertEquals(2, mismatched.status(), mismatched.err());
        assertEquals(1, mismatched.err().strip().lines().count(), mismatched.err());
        assertTrue(mismatched.err().contains("has the part melody, but"), mismatched.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("x.wav")));
    }

    private static String[] withStems(String[] step, Path stems) {
        String[] args = java.util.Arrays.copyOfRange(step, 1, step.length + 2);
        args[args.length - 2] = "--stems";
        args[args.length - 1] = stems.toString();
        return args;
    }

    private static double rmsDb(Path file) {
        var audio = dev.groundwork.core.audio.AudioFiles.read(file);
        double sum = 0;
        for (int c = 0; c < audio.channels(); c++) for (int i = 0; i < audio.frames(); i++) sum += (double) audio.channel(c)[i] * audio.channel(c)[i];
        return 10 * Math.log10(sum / ((double) audio.frames() * audio.channels()));
    }

    private static String after(String[] args, String option) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(option)) return args[i + 1];
        throw new AssertionError("no " + option + " in " + String.join(" ", args));
    }
}
