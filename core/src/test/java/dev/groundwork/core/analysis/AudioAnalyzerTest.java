package dev.groundwork.core.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioAnalyzerTest {
    private static AudioBuffer stereo(double fs, double seconds, java.util.function.IntFunction<float[]> frame) {
        int n = (int) (fs * seconds);
        AudioBuffer b = AudioBuffer.allocate(2, n, fs);
        for (int i = 0; i < n; i++) {
            float[] v = frame.apply(i);
            b.channel(0)[i] = v[0];
            b.channel(1)[i] = v[1];
        }
        return b;
    }

    private static float sine(double fs, double hz, double amplitude, int i) {
        return (float) (amplitude * Math.sin(2 * Math.PI * hz * i / fs));
    }

    private static AnalysisReport analyse(AudioBuffer b) {
        return AudioAnalyzer.analyze(b, "test").report();
    }

    @Test
    void dcOffsetIsReportedInDbfs() {
        AudioBuffer b = stereo(48_000, 2, i -> new float[]{sine(48_000, 440, 0.5, i) + 0.01f, sine(48_000, 440, 0.5, i)});
        AnalysisReport r = analyse(b);
        assertEquals(-40.0, r.dcOffsetDbfs(), 0.05);
        assertEquals(-40.0, r.perChannel().get(0).dcOffsetDbfs(), 0.05);
        assertTrue(r.perChannel().get(1).dcOffsetDbfs() < -90, "the second channel has no offset");
    }

    @Test
    void clippedSamplesCountRunsOfTwoOrMoreFullScaleSamples() {
        AudioBuffer b = AudioBuffer.allocate(2, 1000, 44_100);
        float[] l = b.channel(0), r = b.channel(1);
        l[100] = 1f;                                  // a lone peak: not clipping
        l[200] = 1f; l[201] = 1f; l[202] = 0.9995f;   // a run of three
        r[500] = -1f; r[501] = -1f;                   // a run of two, negative
        r[998] = 1f; r[999] = 1f;                     // a run at the very end
        AnalysisReport rep = analyse(b);
        assertEquals(7, rep.clippedSamples());
        assertEquals(3, rep.perChannel().get(0).clippedSamples());
        assertEquals(4, rep.perChannel().get(1).clippedSamples());
    }

    @Test
    void stereoCorrelationOfIdenticalOppositeAndUnrelatedChannels() {
        Random rnd = new Random(3);
        assertEquals(1.0, analyse(stereo(44_100, 1, i -> { float v = sine(44_100, 300, 0.3, i); return new float[]{v, v}; }))
                .stereoCorrelation(), 1e-9);
        assertEquals(-1.0, analyse(stereo(44_100, 1, i -> { float v = sine(44_100, 300, 0.3, i); return new float[]{v, -v}; }))
                .stereoCorrelation(), 1e-9);
        double unrelated = analyse(stereo(44_100, 2, i -> new float[]{(float) rnd.nextGaussian() * 0.1f, (float) rnd.nextGaussian() * 0.1f}))
                .stereoCorrelation();
        assertEquals(0.0, unrelated, 0.02);
    }

    @Test
    void monoHasNoStereoCorrelation() {
        AudioBuffer b = AudioBuffer.allocate(1, 48_000, 48_000);
        for (int i = 0; i < 48_000; i++) b.channel(0)[i] = sine(48_000, 1000, 0.5, i);
        AnalysisReport r = analyse(b);
        assertNull(r.stereoCorrelation());
        assertEquals(1, r.channels());
    }

    @Test
    void crestFactorOfASineIsThreeDecibelsAndOfASquareWaveZero() {
        assertEquals(3.01, analyse(stereo(48_000, 1, i -> { float v = sine(48_000, 1000, 0.5, i); return new float[]{v, v}; }))
                .crestFactorDb(), 0.02);
        assertEquals(0.0, analyse(stereo(48_000, 1, i -> { float v = (i / 24) % 2 == 0 ? 0.5f : -0.5f; return new float[]{v, v}; }))
                .crestFactorDb(), 1e-6);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {100, 1000, 5000})
    void aSineShowsItsLevelInItsThirdOctaveBand(double hz) {
        AnalysisReport r = analyse(stereo(48_000, 3, i -> { float v = sine(48_000, hz, 0.5, i); return new float[]{v, v}; }));
        List<BandLevel> bands = r.spectrum();
        BandLevel own = bands.stream().filter(b -> b.lowerHz() <= hz && hz < b.upperHz()).findFirst().orElseThrow();
        assertEquals(-6.02, own.levelDb(), 0.2, "band " + own.centerHz());
        for (BandLevel b : bands) {
            if (Math.abs(Math.log10(b.centerHz() / own.centerHz())) > 0.25) {
                assertTrue(b.levelDb() < own.levelDb() - 40, "band " + b.centerHz() + " is " + b.levelDb());
            }
        }
    }

    @Test
    void spectrumCoversThirdOctavesFrom20HzTo20kHz() {
        List<BandLevel> bands = analyse(AudioBuffer.allocate(2, 1000, 44_100)).spectrum();
        assertEquals(31, bands.size());
        assertEquals(20, bands.get(0).centerHz());
        assertEquals(1000, bands.get(17).centerHz());
        assertEquals(20_000, bands.get(30).centerHz());
        assertEquals(Double.NEGATIVE_INFINITY, bands.get(17).levelDb(), "silence has no band level");
        List<BandLevel> low = analyse(AudioBuffer.allocate(1, 1000, 22_050)).spectrum();
        assertEquals(10_000, low.get(low.size() - 1).centerHz(), "up to the last band below Nyquist");
    }

    @Test
    void aFileShorterThanOneSpectrumFrameStillShowsItsLevel() {
        AnalysisReport r = analyse(stereo(48_000, 0.2, i -> { float v = sine(48_000, 1000, 0.5, i); return new float[]{v, v}; }));
        BandLevel k = r.spectrum().get(17);
        assertEquals(-6.02, k.levelDb(), 0.5);
    }

    @Test
    void silenceReportsNullsNotNumbers() throws Exception {
        AnalysisReport r = analyse(AudioBuffer.allocate(2, 48_000 * 3, 48_000));
        assertNull(r.integratedLufs());
        assertNull(r.loudnessRangeLu());
        assertNull(r.maxMomentaryLufs());
        assertNull(r.stereoCorrelation());
        assertNull(r.crestFactorDb());
        JsonNode json = Json.MAPPER.readTree(Json.write(r));
        for (String key : new String[]{"integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs",
                "max_momentary_lufs", "max_short_term_lufs", "dc_offset_dbfs", "stereo_correlation", "crest_factor_db"}) {
            assertTrue(json.has(key) && json.get(key).isNull(), key + " should be null: " + json.get(key));
        }
        assertEquals(0, json.get("clipped_samples").asLong());
        assertEquals(3.0, json.get("duration_seconds").asDouble(), 1e-9);
        assertEquals(48_000, json.get("sample_rate_hz").asDouble());
        assertTrue(json.get("spectrum").get(0).has("center_hz"));
        assertTrue(json.get("spectrum").get(0).get("level_db").isNull());
    }

    @Test
    void reportReadBackFromJsonEqualsTheOriginal() throws Exception {
        AnalysisReport loud = analyse(stereo(44_100, 2, i -> new float[]{sine(44_100, 220, 0.7, i), sine(44_100, 330, 0.2, i)}));
        AnalysisReport silent = analyse(AudioBuffer.allocate(1, 20_000, 44_100));
        for (AnalysisReport r : new AnalysisReport[]{loud, silent}) {
            AnalysisReport back = Json.MAPPER.readValue(Json.write(r), AnalysisReport.class);
            assertEquals(r, back);
            // a report written before the keys carried their units reads back the same
            String old = Json.write(r).replace("\"sample_rate_hz\"", "\"sample_rate\"").replace("\"duration_seconds\"", "\"duration_s\"");
            assertTrue(old.contains("\"duration_s\""), old);
            assertEquals(r, Json.MAPPER.readValue(old, AnalysisReport.class));
        }
        assertEquals(Double.NEGATIVE_INFINITY, silent.truePeakDbtp(), "silence has no peak");
        assertEquals(Double.NEGATIVE_INFINITY, Json.MAPPER.readValue(Json.write(silent), AnalysisReport.class).perChannel().get(0).rmsDbfs());
    }

    @Test
    void reportDoesNotDependOnTheBlockSize() {
        Random rnd = new Random(11);
        AudioBuffer audio = stereo(44_100, 2, i -> {
            float v = (float) (rnd.nextGaussian() * 0.2) + (i % 9000 < 3 ? 1.2f : 0f);
            return new float[]{Math.max(-1f, Math.min(1f, v)), 0.5f * v + 0.01f};
        });
        Analysis reference = analyzeInBlocks(audio, 4096);
        for (int block : new int[]{1, 7, 64, 4096}) {
            Analysis a = analyzeInBlocks(audio, block);
            assertEquals(reference.report(), a.report(), "block " + block);
            assertArrayEquals(reference.curves().shortTermLufs(), a.curves().shortTermLufs());
        }
        assertTrue(reference.report().clippedSamples() > 0);
    }

    private static Analysis analyzeInBlocks(AudioBuffer audio, int blockFrames) {
        AudioAnalyzer a = new AudioAnalyzer(audio.channels(), audio.sampleRate());
        AudioBuffer block = AudioBuffer.allocate(audio.channels(), blockFrames, audio.sampleRate());
        for (int pos = 0; pos < audio.frames(); pos += blockFrames) {
            int len = Math.min(blockFrames, audio.frames() - pos);
            for (int c = 0; c < audio.channels(); c++) System.arraycopy(audio.channel(c), pos, block.channel(c), 0, len);
            block.setFrames(len);
            a.add(block);
        }
        return a.result("test", null);
    }

    @Test
    void curvesHaveOneValuePer100Milliseconds() {
        Analysis a = AudioAnalyzer.analyze(stereo(48_000, 5, i -> { float v = sine(48_000, 1000, 0.1, i); return new float[]{v, v}; }), "x");
        assertEquals(50, a.curves().momentaryLufs().length);
        assertEquals(50, a.curves().shortTermLufs().length);
        assertEquals(5.0, a.curves().timeSeconds(49), 1e-9);
        assertEquals(-20, a.report().integratedLufs(), 0.1);
    }
}
