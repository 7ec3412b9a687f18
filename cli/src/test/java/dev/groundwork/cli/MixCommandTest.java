package dev.groundwork.cli;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class MixCommandTest {
    static final double FS = 44100;
    @TempDir
    static Path root;
    static Path stems;

    static Run run(String... args) { return Run.of(args); }

    static AudioBuffer tone(double hz, double amp, double seconds, int channels, boolean pulsed) {
        int n = (int) (seconds * FS);
        float[][] x = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                double t = i / FS;
                double env = pulsed ? Math.exp(-(t % 0.5) * 12) : 1;
                x[c][i] = (float) (amp * env * Math.sin(2 * Math.PI * hz * t + c));
            }
        }
        return new AudioBuffer(x, FS);
    }

    @BeforeAll
    static void writeStems() throws Exception {
        stems = root.resolve("stems");
        Files.createDirectories(stems);
        // mix, like master, writes only into folders that exist
        for (String d : new String[]{"out", "out2", "out3", "out4", "out5", "j", "bad1", "bad2", "bad3", "bad4", "ow", "u", "ml", "w"}) {
            Files.createDirectories(root.resolve(d));
        }
        OutputFormat f = OutputFormat.wav(OutputFormat.Encoding.PCM24);
        AudioFiles.write(stems.resolve("Kick.wav"), tone(55, 0.8, 6, 1, true), f);
        AudioFiles.write(stems.resolve("Bass.wav"), tone(82, 0.3, 6, 1, false), f);
        AudioFiles.write(stems.resolve("Lead Vox.wav"), tone(330, 0.2, 5, 1, false), f);
        Random r = new Random(1);
        AudioBuffer hats = AudioBuffer.allocate(2, (int) (4 * FS), FS);
        for (int c = 0; c < 2; c++) for (int i = 0; i < hats.frames(); i++) hats.channel(c)[i] = (float) (0.05 * r.nextGaussian() * Math.exp(-(i / FS % 0.125) * 60));
        AudioFiles.write(stems.resolve("Hats.wav"), hats, f);
    }

    @Test
    void mixWritesTheMixThePlanTheExportsAndProcessedStems() throws Exception {
        Path out = root.resolve("out/mix.wav"), plan = root.resolve("out/mix.json");
        Run r = run("mix", stems.toString(), "-o", out.toString(), "--plan", plan.toString(), "--export", "dawproject,rpp",
                "--stems", root.resolve("out/stems").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Lead Vox.wav") && r.out().contains("lead_vocal"), r.out());
        assertTrue(Files.size(out) > 1000);
        assertTrue(Files.exists(plan));
        assertTrue(Files.exists(root.resolve("out/mix.dawproject")));
        assertTrue(Files.exists(root.resolve("out/mix.rpp")));
        assertTrue(Files.exists(root.resolve("out/stems/Kick.wav")));
        assertEquals(6.0, AudioFiles.probe(out).durationSeconds(), 0.01, "as long as the longest stem");

        // By default the session references the stems; --embed-audio carries copies.
        try (var z = new java.util.zip.ZipFile(root.resolve("out/mix.dawproject").toFile())) {
            assertNull(z.getEntry("audio/Kick.wav"));
            assertTrue(new String(z.getInputStream(z.getEntry("project.xml")).readAllBytes()).contains("path=\"../stems/Kick.wav\""));
        }
        Run embedded = run("mix", stems.toString(), "--from-plan", plan.toString(), "--export", "dawproject", "--embed-audio",
                "--plan", root.resolve("out3/mix.json").toString());
        assertEquals(0, embedded.status(), embedded.err());
        try (var z = new java.util.zip.ZipFile(root.resolve("out3/mix.dawproject").toFile())) {
            assertArrayEquals(Files.readAllBytes(stems.resolve("Kick.wav")), z.getInputStream(z.getEntry("audio/Kick.wav")).readAllBytes());
        }
        assertEquals(2, run("mix", stems.toString(), "-o", root.resolve("out4/m.wav").toString(), "--embed-audio").status(),
                "--embed-audio without --export dawproject is a usage error");

        // The same plan renders the same bytes.
        Path again = root.resolve("out2/again.wav");
        Run r2 = run("mix", stems.toString(), "-o", again.toString(), "--from-plan", plan.toString());
        assertEquals(0, r2.status(), r2.err());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));

        // Options that decide a plan cannot be honoured by --from-plan: refused, nothing written, instead of ignored.
        Path ignored = root.resolve("out5/m.wav");
        Run refused = run("mix", stems.toString(), "-o", ignored.toString(), "--from-plan", plan.toString(), "--masking-level", "0", "--fix", "bass=-3dB");
        assertEquals(2, refused.status(), refused.err());
        assertEquals("groundwork: --masking-level, --fix decide the plan, and --from-plan renders a plan as written: edit the plan file instead, "
                + "or plan again without --from-plan", refused.err().strip());
        assertFalse(Files.exists(ignored));
    }

    @Test
    void jsonOutputCarriesPlanAndResult() {
        Run r = run("mix", stems.toString(), "-o", root.resolve("j/mix.wav").toString(), "--json", "--more", "vocal", "--fix", "bass=-3dB");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"gain_db\"") && r.out().contains("\"integrated_lufs\""), r.out());
    }

    @Test
    void aFolderWithoutAudioIsAClearFailureAndWritesNothing() throws Exception {
        Path empty = root.resolve("empty");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("notes.txt"), "hello");
        Path out = root.resolve("bad1/mix.wav");
        Run r = run("mix", empty.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no audio stems"), r.err());
        assertFalse(Files.exists(out.getParent()) && listAll(out.getParent()) > 0);
    }

    @Test
    void mp3AndOggStemsAreMixedBesideWav() throws Exception {
        Path lossy = root.resolve("lossy");
        Files.createDirectories(lossy);
        AudioFiles.write(lossy.resolve("kick.wav"), tone(55, 0.8, 3, 1, true), OutputFormat.wav(OutputFormat.Encoding.PCM24));
        for (String name : new String[]{"sine-stereo-48k-3s.ogg", "sine-mono-44k.mp3"}) {
            try (var in = MixCommandTest.class.getResourceAsStream("/audio/" + name)) {
                Files.copy(in, lossy.resolve(name.startsWith("sine-stereo") ? "pad.ogg" : "lead.mp3"));
            }
        }
        Path plan = Files.createDirectories(root.resolve("lossy-out")).resolve("plan.json");
        Run r = run("mix", lossy.toString(), "-o", root.resolve("lossy-out/mix.wav").toString(), "--plan", plan.toString());
        assertEquals(0, r.status(), r.err());
        String json = Files.readString(plan);
        for (String stem : new String[]{"kick.wav", "pad.ogg", "lead.mp3"}) assertTrue(json.contains("\"" + stem + "\""), stem + " is in the plan: " + json);
    }

    @Test
    void audioGroundworkCannotDecodeStopsTheMixByName() throws Exception {
        Path m4a = root.resolve("m4a");
        Files.createDirectories(m4a);
        AudioFiles.write(m4a.resolve("drums.wav"), tone(55, 0.8, 2, 1, true), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(m4a.resolve("bass.wav"), tone(82, 0.3, 2, 1, false), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Files.write(m4a.resolve("Lead Vocal.m4a"), new byte[]{0, 0, 0, 32, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '});
        Path out = Files.createDirectories(root.resolve("bad-m4a")).resolve("mix.wav");
        Run r = run("mix", m4a.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Lead Vocal.m4a") && r.err().contains("convert it to WAV or FLAC"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out), "a mix without the vocal is not written");
    }

    @Test
    void oneStemIsNotAMix() throws Exception {
        Path one = root.resolve("one");
        Files.createDirectories(one);
        AudioFiles.write(one.resolve("a.wav"), tone(440, 0.1, 1, 1, false), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Run r = run("mix", one.toString(), "-o", root.resolve("bad2/mix.wav").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("at least 2"), r.err());
        assertFalse(Files.exists(root.resolve("bad2/mix.wav")));
    }

    @Test
    void surroundStemsAndUnreadableFilesAreNamed() throws Exception {
        Path d = root.resolve("surround");
        Files.createDirectories(d);
        AudioFiles.write(d.resolve("a.wav"), tone(440, 0.1, 1, 1, false), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(d.resolve("b.wav"), tone(440, 0.1, 1, 6, false), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Run r = run("mix", d.toString(), "-o", root.resolve("bad3/mix.wav").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("b.wav") && r.err().contains("mono or stereo"), r.err());

        Path g = root.resolve("garbage");
        Files.createDirectories(g);
        AudioFiles.write(g.resolve("a.wav"), tone(440, 0.1, 1, 1, false), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Files.write(g.resolve("broken.wav"), "this is not a wave file at all".getBytes());
        Run r2 = run("mix", g.toString(), "-o", root.resolve("bad4/mix.wav").toString());
        assertEquals(1, r2.status());
        assertTrue(r2.err().contains("broken.wav"), r2.err());
        assertFalse(Files.exists(root.resolve("bad4/mix.wav")));
    }

    @Test
    void processedStemsNeverOverwriteTheInputStems() throws Exception {
        byte[] before = Files.readAllBytes(stems.resolve("Kick.wav"));
        Run r = run("mix", stems.toString(), "-o", root.resolve("ow/mix.wav").toString(), "--stems", stems.toString());
        assertEquals(2, r.status(), "a usage error, as in the other commands");
        assertTrue(r.err().contains("overwritten"), r.err());
        assertArrayEquals(before, Files.readAllBytes(stems.resolve("Kick.wav")));
        assertFalse(Files.exists(root.resolve("ow/mix.wav")));
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertEquals(2, run("mix", stems.toString()).status());
        assertEquals(2, run("mix", stems.toString(), "-o", root.resolve("u/mix.mp3").toString()).status());
        assertEquals(2, run("mix", stems.toString(), "-o", root.resolve("u/mix.wav").toString(), "--more", "cowbell").status());
        assertEquals(2, run("mix", stems.toString(), "-o", root.resolve("u/mix.wav").toString(), "--role", "Kick.wav=tuba").status());
        // before: these exited 1, as if the job had failed while working
        Run inside = run("mix", stems.toString(), "-o", stems.resolve("x.wav").toString());
        assertEquals(2, inside.status(), inside.err());
        assertEquals("groundwork: write the mix outside the stem folder (it would become a stem next time)", inside.err().strip());
        assertFalse(Files.exists(stems.resolve("x.wav")));
        Run overStem = run("mix", stems.toString(), "--plan", stems.resolve("Kick.wav").toString());
        assertEquals(2, overStem.status(), overStem.err());
        assertTrue(overStem.err().contains("would overwrite the stem Kick"), overStem.err());
        // before: a --role, --lead or --bleed naming no stem exited 1, after reading every stem
        for (String[] wrong : new String[][]{{"--role", "Nothere.wav=kick"}, {"--lead", "Nothere.wav"}, {"--bleed", "Nothere"}}) {
            Run r = run("mix", stems.toString(), "-o", root.resolve("u/mix.wav").toString(), wrong[0], wrong[1]);
            assertEquals(2, r.status(), r.err());
            assertEquals("groundwork: " + wrong[0] + " names " + wrong[1].replace("=kick", "") + ", which is not one of the stems", r.err().strip());
        }
        Run headroom = run("mix", stems.toString(), "-o", root.resolve("u/mix.wav").toString(), "--headroom", "100");
        assertEquals(2, headroom.status(), headroom.err());
        assertEquals("groundwork: headroom (the mix's peak ceiling) must be -30..0 dBFS, not 100.0", headroom.err().strip());
    }

    /** Before: mix created a missing output folder and exited 0, where master refuses it with exit 2. */
    @Test
    void anOutputInAMissingFolderIsAUsageErrorAsInMaster() {
        Path missing = root.resolve("nodir");
        Run r = run("mix", stems.toString(), "-o", missing.resolve("x.wav").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("groundwork: folder " + missing.toAbsolutePath() + " does not exist (for x.wav)", r.err().strip());
        Run plan = run("mix", stems.toString(), "--plan", missing.resolve("p.json").toString());
        assertEquals(2, plan.status(), plan.err());
        assertEquals("groundwork: folder " + missing.toAbsolutePath() + " does not exist (for p.json)", plan.err().strip());
        assertFalse(Files.exists(missing));
    }

    /** Before: stems of digital silence gave a silent mix and exit 0; master refuses silence. */
    @Test
    void stemsThatAreAllSilentAreRefusedAndNothingIsWritten() throws Exception {
        Path quiet = root.resolve("stz");
        Files.createDirectories(quiet);
        AudioFiles.write(quiet.resolve("a.wav"), AudioBuffer.allocate(2, (int) (3 * FS), FS), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        AudioFiles.write(quiet.resolve("b.wav"), AudioBuffer.allocate(2, (int) (3 * FS), FS), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Path out = root.resolve("w/silent.wav"), plan = root.resolve("w/silent.json");
        Run r = run("mix", quiet.toString(), "-o", out.toString(), "--plan", plan.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("groundwork: every stem in stz is silent: there is nothing to mix", r.err().strip());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(plan));
    }

    /** Before: "--candidates must be 1 to 5", "bits must be", "tempo must be 30..300", styles listed with underscores, "Wrote". */
    @Test
    void messagesUseTheSameWordsAsTheOtherCommands() {
        Path out = root.resolve("u/m.wav");
        assertEquals("groundwork: --candidates must be 1..5", run("mix", stems.toString(), "-o", out.toString(), "--candidates", "9").err().strip());
        assertEquals("groundwork: --bits must be 16, 24 or 32f, not 8", run("mix", stems.toString(), "-o", out.toString(), "--bits", "8").err().strip());
        assertEquals("groundwork: --tempo must be 30..300 BPM, not 500", run("mix", stems.toString(), "-o", out.toString(), "--tempo", "500").err().strip());
        String styles = "groundwork: unknown mix style 'weird'; use one of balanced, vocal-forward, beat-forward, wide, dry";
        Run style = run("mix", stems.toString(), "-o", out.toString(), "--style", "weird");
        assertEquals(2, style.status());
        assertEquals(styles, style.err().strip());
        assertEquals(styles, run("produce", "trap 140 bpm", "-o", root.resolve("u/song").toString(), "--style", "weird").err().strip());
        assertFalse(Files.exists(out));

        Run help = run("mix", "--help");
        assertTrue(help.out().contains("--bits=16|24|32f"), help.out());

        Run ok = run("mix", stems.toString(), "-o", root.resolve("w/ok.wav").toString(), "--plan", root.resolve("w/ok.json").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("\nwrote " + root.resolve("w/ok.wav") + "\n"), ok.out());
        assertTrue(ok.out().contains("\nwrote " + root.resolve("w/ok.json") + " (plan)\n"), ok.out());
        assertFalse(ok.out().contains("Wrote") || ok.out().contains("Result:"), ok.out());
    }

    @Test
    void theMaskingLevelIsExplainedRecordedInThePlanAndCheckedBeforeAnyWork() throws Exception {
        Run help = run("mix", "--help");
        assertTrue(help.out().contains("--masking-level") && help.out().contains("0 turns it off"), help.out());
        Path off = root.resolve("ml/off.json");
        Run r = run("mix", stems.toString(), "--plan", off.toString(), "--masking-level", "0");
        assertEquals(0, r.status(), r.err());
        var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(off.toFile());
        assertEquals(0.0, plan.get("masking_level").asDouble());
        for (var s : plan.get("stems")) {
            assertFalse(s.get("gain_reason").asText().contains("masking"), s.toString());
            assertEquals(0.0, s.get("masking_move").get("gain_db").asDouble(), s.toString());
        }
        for (String bad : new String[]{"1.5", "-0.1", "NaN"}) {
            Path out = root.resolve("ml/bad.wav");
            Run b = run("mix", stems.toString(), "-o", out.toString(), "--masking-level", bad);
            assertEquals(2, b.status(), bad);
            assertEquals(1, b.err().strip().lines().count(), b.err());
            assertTrue(b.err().contains("masking level must be 0..1"), b.err());
            assertFalse(Files.exists(out));
        }
    }

    private static long listAll(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
