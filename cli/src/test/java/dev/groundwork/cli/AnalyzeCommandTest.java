package dev.groundwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest {
    @TempDir
    static Path dir;
    static Path tone, quiet, silence;

    static Run run(String... args) { return Run.of(args); }

    /** A stereo 1 kHz sine at the given peak level (dBFS), written as 24-bit WAV. */
    static Path sineWav(String name, double seconds, double dbfs) {
        double fs = 48_000, a = Math.pow(10, dbfs / 20);
        int n = (int) (seconds * fs);
        AudioBuffer b = AudioBuffer.allocate(2, n, fs);
        for (int i = 0; i < n; i++) {
            float v = (float) (a * Math.sin(2 * Math.PI * 1000 * i / fs));
            b.channel(0)[i] = v;
            b.channel(1)[i] = v;
        }
        Path p = dir.resolve(name);
        AudioFiles.write(p, b, OutputFormat.wav(OutputFormat.Encoding.PCM24));
        return p;
    }

    @BeforeAll
    static void files() {
        tone = sineWav("tone.wav", 10, -23);
        quiet = sineWav("quiet.wav", 6, -33);
        silence = sineWav("silence.wav", 3, -400);
    }

    @Test
    void jsonReportsTheMeasurementsOfAGeneratedWav() throws Exception {
        Run r = run("analyze", tone.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("tone.wav", j.get("file").asText());
        assertEquals(-23.0, j.get("integrated_lufs").asDouble(), 0.1);
        assertEquals(0.0, j.get("loudness_range_lu").asDouble(), 0.1);
        assertEquals(-23.0, j.get("true_peak_dbtp").asDouble(), 0.05);
        assertEquals(-23.0, j.get("sample_peak_dbfs").asDouble(), 0.05);
        assertEquals(-23.0, j.get("max_momentary_lufs").asDouble(), 0.1);
        assertEquals(-23.0, j.get("max_short_term_lufs").asDouble(), 0.1);
        assertEquals(48_000, j.get("sample_rate_hz").asDouble());
        assertEquals(2, j.get("channels").asInt());
        assertEquals(10.0, j.get("duration_seconds").asDouble(), 1e-9);
        assertTrue(j.get("dc_offset_dbfs").isNull() || j.get("dc_offset_dbfs").asDouble() < -100, "no DC in a sine");
        assertEquals(0, j.get("clipped_samples").asLong());
        assertEquals(1.0, j.get("stereo_correlation").asDouble(), 1e-6);
        assertEquals(3.01, j.get("crest_factor_db").asDouble(), 0.02);
        JsonNode band = null;
        for (JsonNode b : j.get("spectrum")) if (b.get("center_hz").asDouble() == 1000) band = b;
        assertEquals(-23.0, band.get("level_db").asDouble(), 0.2);
        assertEquals(31, j.get("spectrum").size());
    }

    @Test
    void severalFilesGiveAJsonArrayInOrder() throws Exception {
        Run r = run("analyze", "--json", tone.toString(), quiet.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertTrue(j.isArray());
        assertEquals(2, j.size());
        assertEquals("quiet.wav", j.get(1).get("file").asText());
        assertEquals(-33.0, j.get(1).get("integrated_lufs").asDouble(), 0.1);
    }

    @Test
    void silenceHasNullLoudnessInJson() throws Exception {
        Run r = run("analyze", "--json", silence.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertTrue(j.get("integrated_lufs").isNull());
        assertTrue(j.get("true_peak_dbtp").isNull());
        assertTrue(j.get("stereo_correlation").isNull());
    }

    @Test
    void humanOutputIsAVerticalTableForOneFile() {
        Run r = run("analyze", tone.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("tone.wav  (WAV, 48000 Hz, 2 channels, 10.0 s)"), r.out());
        assertTrue(r.out().contains("  Integrated loudness    -23.0 LUFS\n"), r.out());
        assertTrue(r.out().contains("  True peak              -23.0 dBTP\n"), r.out());
        assertTrue(r.out().contains("     1 kHz   -23.0  "), r.out());
    }

    @Test
    void humanOutputIsOneRowPerFileForSeveral() {
        Run r = run("analyze", tone.toString(), quiet.toString(), silence.toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("file "), r.out());
        assertTrue(lines[1].startsWith("tone.wav ") && lines[1].contains("-23.0"), r.out());
        assertTrue(lines[2].startsWith("quiet.wav ") && lines[2].contains("-33.0"), r.out());
        assertTrue(lines[3].startsWith("silence.wav ") && lines[3].contains("n/a"), r.out());
        assertEquals(lines[0].indexOf("LUFS") + 4, lines[1].indexOf("-23.0") + 5, "columns are right-aligned");
    }

    @Test
    void plotWritesAPngWithLoudnessAndSpectrum() throws Exception {
        Path png = dir.resolve("tone.png");
        Run r = run("analyze", tone.toString(), quiet.toString(), "--plot", png.toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(900, img.getHeight());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }
    }

    /** Before: measured and printed, then "q.png: cannot write the plot: …/.q.png.3f2a.tmp -> q.png: Is a directory" (exit 1). */
    @Test
    void aPlotThatCannotBeWrittenFailsWithOneLineBeforeMeasuring() throws Exception {
        Path inTheWay = Files.createDirectories(dir.resolve("q.png")); // a folder where the image should go
        Run r = run("analyze", quiet.toString(), "--plot", inTheWay.toString());
        assertEquals(2, r.status());
        assertEquals("groundwork: " + inTheWay + " is a folder, not a file", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void missingFileFailsWithOneLineNamingIt() {
        Run r = run("analyze", dir.resolve("nope.wav").toString());
        assertEquals(1, r.status());
        assertEquals("groundwork: nope.wav: no such file", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void emptyFileAndDirectoryFailWithExitOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        Run r = run("analyze", empty.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("groundwork: empty.wav: "), r.err());
        assertEquals(1, r.err().strip().lines().count());
        Run d = run("analyze", dir.toString());
        assertEquals(1, d.status());
        assertEquals(1, d.err().strip().lines().count(), d.err());
    }

    @Test
    void garbageFileFailsWithoutAStackTrace() throws Exception {
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, "this is not audio at all, just some text".getBytes());
        Run r = run("analyze", "--json", junk.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("groundwork: junk.wav: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aBadFileAmongGoodOnesIsReportedAndTheOthersStillMeasured() throws Exception {
        Run r = run("analyze", "--json", tone.toString(), dir.resolve("gone.wav").toString());
        assertEquals(1, r.status());
        assertEquals("groundwork: gone.wav: no such file", r.err().strip());
        assertEquals(1, Json.MAPPER.readTree(r.out()).size());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("analyze").status());
        assertEquals(2, run("analyze", tone.toString(), "--bogus").status());
        Run notPng = run("analyze", tone.toString(), "--plot", dir.resolve("x.jpg").toString());
        assertEquals(2, notPng.status());
        assertTrue(notPng.err().contains(".png"), notPng.err());
    }

    /** Before: a WAV with an empty data chunk printed a whole table of -inf and n/a and exited 0. */
    @Test
    void aFileWithoutFramesIsAnErrorNotATableOfNothing() {
        Path none = dir.resolve("no-frames.wav");
        AudioFiles.write(none, AudioBuffer.allocate(2, 0, 48_000), OutputFormat.wav(OutputFormat.Encoding.PCM16));
        Run r = run("analyze", none.toString());
        assertEquals(1, r.status());
        assertEquals("groundwork: no-frames.wav: holds no audio (0 frames)", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void theSilenceTableHasNoTrailingBlanks() {
        Run r = run("analyze", silence.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.endsWith(" ")), r.out().replace(' ', '.'));
    }

    /** Before: "Loudness range n/a LU", a unit on a value that does not exist. */
    @Test
    void aValueThatDoesNotExistHasNoUnit() {
        Run r = run("analyze", silence.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+Loudness range\\s+n/a")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains("n/a ")), r.out());
    }

    /** Before: the files were measured and printed, then writing the plot failed (exit 1 after a full report). */
    @Test
    void aPlotInAMissingFolderIsAUsageErrorBeforeAnyMeasurement() {
        Path plot = dir.resolve("no-such-folder").resolve("x.png");
        Run r = run("analyze", tone.toString(), "--plot", plot.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("groundwork: folder " + plot.getParent() + " does not exist (for x.png)", r.err().strip());
        assertEquals("", r.out());
    }

    /** Before: the image was written without a word; with --json standard output stays pure JSON. */
    @Test
    void theWrittenPlotIsAnnouncedExceptInJson() throws Exception {
        Path png = dir.resolve("announced.png");
        Run r = run("analyze", quiet.toString(), "--plot", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("wrote " + png + "\n"), r.out());
        Run j = run("analyze", quiet.toString(), "--plot", png.toString(), "--json");
        assertEquals(0, j.status(), j.err());
        Json.MAPPER.readTree(j.out());
        assertFalse(j.out().contains("wrote"), j.out());
    }
}
