package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A compressed stem comes out of the render at the loudness the plan set for it: the make-up returns what the compressor takes. */
class RenderedLevelTest {
    private static final double SECONDS = 12;

    /** The loudness the plan sets a stem to: its role target plus the masking move, when it has one. */
    static double target(StemPlan p) {
        Matcher m = Pattern.compile("target (-?[0-9.]+) LUFS").matcher(p.gainReason());
        assertTrue(m.find(), p.gainReason());
        Matcher mask = Pattern.compile("masking: .*: ([-+][0-9.]+) dB →").matcher(p.gainReason());
        return Double.parseDouble(m.group(1)) + (mask.find() ? Double.parseDouble(mask.group(1)) : 0);
    }

    static double integratedLufs(Path f) {
        try (AudioStreamReader r = AudioFiles.openReader(f)) {
            LoudnessMeter meter = new LoudnessMeter(r.info().channels(), r.info().sampleRate(), EnumSet.of(LoudnessMeter.Measure.INTEGRATED));
            AudioBuffer b = AudioBuffer.allocate(r.info().channels(), 8192, r.info().sampleRate());
            int n;
            while ((n = r.read(b)) > 0) {
                b.setFrames(n);
                meter.add(b);
            }
            return meter.integratedLufs().orElseThrow();
        }
    }

    /** A snare as sampled drums are: a 4 ms crack 14 dB over a noisy body that rings for 200 ms, on beats 2 and 4. */
    static AudioBuffer crackSnare(double seconds) {
        java.util.Random r = new java.util.Random(5);
        float[] x = new float[SyntheticStems.frames(seconds)];
        double beat = 60 / SyntheticStems.BPM, fs = SyntheticStems.FS;
        for (double t0 = beat; t0 < seconds; t0 += 2 * beat) {
            int s = (int) (t0 * fs);
            for (int i = 0; i < (int) (0.3 * fs) && s + i < x.length; i++) {
                double t = i / fs;
                double crack = t < 0.004 ? 0.45 : 0;
                x[s + i] += (float) (crack * Math.signum(r.nextGaussian()) + 0.09 * r.nextGaussian() * Math.exp(-t * 12));
            }
        }
        return new AudioBuffer(new float[][]{x}, fs);
    }

    @Test
    void compressedDrumsAndMelodicStemsRenderWithinAThirdOfALuOfTheirPlannedLoudness(@TempDir Path dir) {
        List<StemSource> band = List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 0.8)),
                new MemoryStem("snare.wav", crackSnare(SECONDS)),
                new MemoryStem("hats.wav", SyntheticStems.hats(SECONDS, 1, 4)),
                new MemoryStem("keys.wav", SyntheticStems.pad(SECONDS, 0.5)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 0.7)));
        MixPlan plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        Path stems = dir.resolve("stems");
        MixRenderer.renderToFile(plan, band, dir.resolve("mix.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), stems, ProgressListener.NONE);
        int compressed = 0;
        StringBuilder seen = new StringBuilder();
        for (StemPlan p : plan.stems()) {
            if (p.silent() || p.ducking() != null) continue;
            double rendered = integratedLufs(stems.resolve(p.file()));
            seen.append(String.format(java.util.Locale.ROOT, "%s %.2f vs %.2f%s; ", p.file(), rendered, target(p), p.compression() == null ? "" : " (compressed)"));
            if (p.compression() == null) continue;
            compressed++;
            assertEquals(target(p), rendered, 0.3, p.file() + ": " + p.compression());
        }
        assertTrue(plan.stem("snare.wav").orElseThrow().compression() != null, "the snare is compressed: " + seen);
        assertTrue(compressed >= 2, seen.toString());
    }

    @Test
    void aBassDuckedUnderTheKickRendersAtItsPlannedLoudness(@TempDir Path dir) {
        List<StemSource> band = List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 0.8)),
                new MemoryStem("bass.wav", SyntheticStems.bass(SECONDS, 0.5)),
                new MemoryStem("keys.wav", SyntheticStems.pad(SECONDS, 0.5)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 0.7)));
        MixPlan plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        StemPlan bass = plan.stem("bass.wav").orElseThrow();
        assertTrue(bass.ducking() != null, "the bass is ducked under the kick: " + bass);
        double makeup = bass.ducking().makeupDb();
        assertTrue(makeup >= 0.3, "the ducking takes a measurable share of the bass: make-up " + makeup + " dB; " + bass.ducking().reason());
        assertTrue(bass.ducking().reason().contains("make-up"), bass.ducking().reason());
        // Rendered with the make-up, and with the same ducking without it (as before the make-up was planned).
        MixPlan without = plan.withStems(plan.stems().stream().map(p -> p.ducking() == null ? p : p.withDynamics(p.compression(),
                new dev.groundwork.mix.plan.DuckingPlan(p.ducking().keyStems(), p.ducking().thresholdDb(), p.ducking().ratio(), p.ducking().attackMs(),
                        p.ducking().releaseMs(), p.ducking().depthDb(), null, p.ducking().reason()))).toList());
        MixRenderer.renderToFile(plan, band, dir.resolve("mix.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), dir.resolve("with"), ProgressListener.NONE);
        MixRenderer.renderToFile(without, band, dir.resolve("mix0.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), dir.resolve("without"), ProgressListener.NONE);
        double with = integratedLufs(dir.resolve("with").resolve("bass.wav")), before = integratedLufs(dir.resolve("without").resolve("bass.wav"));
        String seen = String.format(java.util.Locale.ROOT, "target %.2f LUFS, rendered %.2f with make-up %.1f dB, %.2f without", target(bass), with, makeup, before);
        assertTrue(target(bass) - before > 0.3, "without make-up the ducked bass falls short: " + seen);
        assertEquals(target(bass), with, 0.25, seen);
    }

    @Test
    void aFaderMoveOnACompressedStemChangesItsLevelByExactlyThatAndNotItsCompression(@TempDir Path dir) {
        List<StemSource> band = List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 0.8)),
                new MemoryStem("snare.wav", crackSnare(SECONDS)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 0.7)));
        MixPlan plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        StemPlan snare = plan.stem("snare.wav").orElseThrow();
        assertTrue(snare.compression() != null, "the snare is compressed: " + snare);
        for (double move : new double[]{+6, -6}) {
            StemPlan moved = snare.withFader(snare.gainDb() + move, "moved");
            assertEquals(snare.compression().thresholdDb() + move, moved.compression().thresholdDb(), 1e-9);
            MixPlan edited = plan.withStems(plan.stems().stream().map(p -> p.file().equals("snare.wav") ? moved : p).toList());
            // the same move as an input gain (threshold left alone) drives the compressor harder or lets it go
            MixPlan asInputGain = plan.withStems(plan.stems().stream().map(p -> p.file().equals("snare.wav") ? p.withGain(p.gainDb() + move, "input") : p).toList());
            Path a = dir.resolve("base" + move), b = dir.resolve("fader" + move), c = dir.resolve("input" + move);
            MixRenderer.renderToFile(plan, band, dir.resolve("m0.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), a, ProgressListener.NONE);
            MixRenderer.renderToFile(edited, band, dir.resolve("m1.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), b, ProgressListener.NONE);
            MixRenderer.renderToFile(asInputGain, band, dir.resolve("m2.wav"), OutputFormat.wav(OutputFormat.Encoding.FLOAT32), c, ProgressListener.NONE);
            double base = integratedLufs(a.resolve("snare.wav")), fader = integratedLufs(b.resolve("snare.wav")), input = integratedLufs(c.resolve("snare.wav"));
            String seen = String.format(java.util.Locale.ROOT, "move %+.0f dB: base %.2f, fader %.2f, as input gain %.2f LUFS", move, base, fader, input);
            assertEquals(move, fader - base, 0.05, seen);
            assertTrue(Math.abs(input - base - move) > 0.3, "an input gain moves the compression too (so the fader test can fail): " + seen);
        }
    }
}
