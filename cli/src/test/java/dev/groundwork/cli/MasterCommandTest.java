package dev.groundwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MasterCommandTest {
    @TempDir
    static Path dir;
    static Path song, silence;

    static Run run(String... args) { return Run.of(args); }

    /** Eight seconds of chords, kick and hats at roughly -24 LUFS, 24-bit stereo. */
    @BeforeAll
    static void files() {
        double fs = 44_100;
        int n = (int) (8 * fs);
        AudioBuffer b = AudioBuffer.allocate(2, n, fs);
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            double t = i / fs, tb = t % 0.5;
            double chord = 0.05 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277.2 * t) + Math.sin(2 * Math.PI * 329.6 * t));
            double kick = 0.3 * Math.exp(-tb * 25) * Math.sin(2 * Math.PI * 55 * tb);
            double hat = 0.02 * Math.exp(-(t % 0.25) * 60) * rnd.nextGaussian();
            b.channel(0)[i] = (float) (chord + kick + hat);
            b.channel(1)[i] = (float) (chord + kick - hat);
        }
        song = dir.resolve("song.wav");
        AudioFiles.write(song, b, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        silence = dir.resolve("silence.wav");
        AudioFiles.write(silence, AudioBuffer.allocate(2, 44100 * 3, fs), OutputFormat.wav(OutputFormat.Encoding.PCM24));
    }

    @Test
    void jsonReportHasInputAndOutputAnalysesAndTheOutputMeetsTheTarget() throws Exception {
        Path out = dir.resolve("master.wav"), plan = dir.resolve("plan.json"), report = dir.resolve("report.json");
        Run r = run("master", song.toString(), "-o", out.toString(), "--json", "--plan", plan.toString(), "--report", report.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(-14.0, j.at("/output/integrated_lufs").asDouble(), 0.1);
        assertTrue(j.at("/output/true_peak_dbtp").asDouble() <= -1.0);
        assertTrue(j.at("/input/integrated_lufs").asDouble() < -18);
        assertEquals("spotify", j.at("/target/preset").asText());
        assertTrue(j.at("/stages/loudness/gain_db").isNumber());
        assertTrue(j.at("/gain_reduction/limiter_max_db").isNumber());
        assertEquals(Json.MAPPER.readTree(Files.readString(report)).at("/output"), j.at("/output"));

        Path again = dir.resolve("again.wav");
        Run r2 = run("master", song.toString(), "-o", again.toString(), "--from-plan", plan.toString());
        assertEquals(0, r2.status(), r2.err());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "same input + plan = same bytes");

        // the plan holds the target: asking for another one with --from-plan is refused, not silently ignored
        Path ignored = dir.resolve("ignored.wav");
        Run refused = run("master", song.toString(), "-o", ignored.toString(), "--from-plan", plan.toString(), "--target", "apple");
        assertEquals(2, refused.status(), refused.err());
        assertEquals("groundwork: --target decides the plan, and --from-plan renders a plan as written: edit the plan file instead, "
                + "or plan again without --from-plan", refused.err().strip());
        assertFalse(Files.exists(ignored));
    }

    @Test
    void humanOutputShowsTheBeforeAfterTableAndEveryStage() {
        Path out = dir.resolve("human.wav");
        Run r = run("master", song.toString(), "-o", out.toString(), "--target", "apple");
        assertEquals(0, r.status(), r.err());
        for (String s : new String[]{"input", "master", "target", "-16.0 LUFS", "inspect", "clean", "tonal", "dynamics", "stereo", "loudness", "deliver"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in:\n" + r.out());
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Run r = run("master", song.toString(), song.toString(), "-o", dir.resolve("x.wav").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--album"), r.err());
        r = run("master", song.toString(), "-o", dir.resolve("x.wav").toString(), "--target", "myspace");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("spotify"), r.err());
        r = run("master", song.toString(), "-o", dir.resolve("x.mp3").toString());
        assertEquals(2, r.status());
    }

    @Test
    void silenceFailsWithAClearMessage() {
        Run r = run("master", silence.toString(), "-o", dir.resolve("s.wav").toString());
        assertEquals(1, r.status());
        // before: "input is silent: ..." without the file's name, unlike every other error about an input
        assertEquals("groundwork: silence.wav is silent: there is nothing to master", r.err().strip());
        assertFalse(Files.exists(dir.resolve("s.wav")));
    }

    @Test
    void albumModeKeepsTheTracksLoudnessRelationsAndTheLoudestMeetsTheTarget() throws Exception {
        AudioBuffer quieter = AudioFiles.read(song);
        quieter.applyGain(Math.pow(10, -6 / 20.0));
        Path second = dir.resolve("quieter.wav");
        AudioFiles.write(second, quieter, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        Path albumDir = dir.resolve("album");
        Run r = run("master", song.toString(), second.toString(), "--album", "-o", albumDir.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        double loud = j.get(0).at("/output/integrated_lufs").asDouble(), quiet = j.get(1).at("/output/integrated_lufs").asDouble();
        assertEquals(-14.0, loud, 0.1);
        assertEquals(-6.0, quiet - loud, 0.2, "the 6 dB difference between the tracks stays");
        assertTrue(Files.exists(albumDir.resolve("song.wav")) && Files.exists(albumDir.resolve("quieter.wav")));
    }

    @Test
    void checkCodecMeasuresLossyEncodesOrSaysFfmpegIsMissing() throws Exception {
        Path out = dir.resolve("codec.wav");
        Run r = run("master", song.toString(), "-o", out.toString(), "--check-codec", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode checks = Json.MAPPER.readTree(r.out()).get("codec_check");
        if (r.err().contains("ffmpeg is not on PATH")) {
            assertEquals(0, checks.size());
        } else {
            JsonNode j = Json.MAPPER.readTree(r.out());
            // AAC and MP3; when a codec went over the ceiling, the master was re-rendered lower and checked again
            boolean rerendered = j.get("warnings").findValuesAsText("code").contains("codec_overshoot");
            assertEquals(rerendered ? 4 : 2, checks.size(), r.out());
            for (JsonNode c : checks) assertTrue(c.get("true_peak_dbtp").isNumber());
            // whatever the codec did, the delivered file itself stays under the ceiling
            assertTrue(Json.MAPPER.readTree(r.out()).at("/output/true_peak_dbtp").asDouble() <= -1.0);
        }
    }

    @Test
    void theInputIsNeverOverwritten() throws Exception {
        byte[] before = Files.readAllBytes(song);
        Run r = run("master", song.toString(), "-o", song.toString());
        assertEquals(2, r.status());
        assertArrayEquals(before, Files.readAllBytes(song));
    }

    /** A 220 Hz sine of this amplitude, the same in both channels of 44.1 kHz stereo. */
    static AudioBuffer stereoSine(double seconds, double amplitude) {
        double fs = 44_100;
        AudioBuffer b = AudioBuffer.allocate(2, (int) (seconds * fs), fs);
        for (int i = 0; i < b.frames(); i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * 220 * i / fs));
            b.channel(0)[i] = v;
            b.channel(1)[i] = v;
        }
        return b;
    }

    /** Before: "- LU" where analyze says "n/a LU", and "limiter max -0.0 dB" when the limiter did nothing. */
    @Test
    void aShortLoudInputReadsNaForTheMissingRangeAndNoNegativeZero() {
        AudioBuffer b = MasterCommandTest.stereoSine(2, 0.4);
        Path loud = dir.resolve("loud-short.wav");
        AudioFiles.write(loud, b, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        Run r = run("master", loud.toString(), "-o", dir.resolve("loud-short-master.wav").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("n/a LU"), r.out());
        assertFalse(r.out().contains(" - LU"), r.out());
        assertFalse(r.out().contains("-0.0 "), r.out());
        assertFalse(r.out().contains("-0.00 "), r.out());
    }

    /** Before: "previews: [song-c.transparent.preview.wav, song-c.warm.preview.wav] and ..." (a Java list). */
    @Test
    void candidatesAreTabledAndThePreviewsListedAsFileNames() {
        Path out = dir.resolve("song-c.wav");
        Run r = run("master", song.toString(), "-o", out.toString(), "--candidates", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  transparent ") && r.out().contains("  warm "), r.out());
        assertTrue(r.out().contains("  previews: song-c.transparent.preview.wav, song-c.warm.preview.wav and song-c.original.preview.wav\n"), r.out());
        assertTrue(Files.exists(dir.resolve("song-c.warm.wav")) && Files.exists(dir.resolve("song-c.original.preview.wav")));
    }

    /** Before: --plan or --report naming the input replaced the song with JSON (only -o was checked). */
    @Test
    void noOutputOptionMayNameAnInput() throws Exception {
        Path in = dir.resolve("precious.wav"), ref = dir.resolve("reference.wav");
        Files.copy(song, in);
        Files.copy(song, ref);
        byte[] before = Files.readAllBytes(in);
        String out = dir.resolve("p-out.wav").toString();
        String[][] attempts = {
                {"-o", out, "--plan", in.toString()},
                {"-o", out, "--report", in.toString()},
                {"-o", out, "--plan", dir.resolve(".").resolve("precious.wav").toString()},
                {"-o", out, "--reference", ref.toString(), "--report", ref.toString()},
                {"--reference", ref.toString(), "-o", ref.toString()},
        };
        for (String[] extra : attempts) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("master", in.toString()));
            args.addAll(java.util.List.of(extra));
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.status(), String.join(" ", extra) + ": " + r.err() + r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("would overwrite the input"), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(in));
        assertArrayEquals(before, Files.readAllBytes(ref));
        assertFalse(Files.exists(Path.of(out)));
    }

    /** Before: --rate 384000 (allowed by the option) or 44100.5 ran the whole job, then failed writing (exit 1). */
    @Test
    void aRateNoFileCanCarryIsAUsageErrorBeforeAnyWork() {
        for (String rate : new String[]{"384000", "44100.5", "4000"}) {
            Path out = dir.resolve("rate.wav");
            Run r = run("master", song.toString(), "-o", out.toString(), "--rate", rate);
            assertEquals(2, r.status(), rate + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("groundwork: --rate must be a whole number of Hz from 8000 to 192000, not " + rate, r.err().strip());
            assertEquals("", r.out());
            assertFalse(Files.exists(out));
        }
    }

    /** Before: the line said "target loudness must be ..." without naming the option the user typed. */
    @Test
    void aTargetOutOfRangeNamesItsOption() {
        Path out = dir.resolve("range.wav");
        Run lufs = run("master", song.toString(), "-o", out.toString(), "--lufs", "100");
        assertEquals(2, lufs.status(), lufs.err());
        assertEquals("groundwork: target loudness (--lufs) must be in [-40, -3] LUFS, not 100.0", lufs.err().strip());
        Run ceiling = run("master", song.toString(), "-o", out.toString(), "--ceiling", "3");
        assertEquals(2, ceiling.status(), ceiling.err());
        assertEquals("groundwork: true-peak ceiling (--ceiling) must be in [-12, 0] dBTP, not 3.0", ceiling.err().strip());
        assertFalse(Files.exists(out));
    }

    /** Before: only "wrote OUT" was printed; the plan, report and plot asked for were written without a word. */
    @Test
    void everyFileWrittenIsAnnounced() {
        Path out = dir.resolve("said.wav"), plan = dir.resolve("said.json"), report = dir.resolve("said-report.json"), plot = dir.resolve("said.png");
        Run r = run("master", song.toString(), "-o", out.toString(), "--plan", plan.toString(), "--report", report.toString(), "--plot", plot.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("wrote " + out + "\nwrote " + plan + " (plan)\nwrote " + report + " (report)\nwrote " + plot + " (plot)\n"), r.out());
    }
}
