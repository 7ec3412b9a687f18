package dev.groundwork.core.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TempoEstimatorTest {
    static final double FS = 44100;

    /**
     * A drum loop synthesised at a tempo, with seeded timing jitter (±4 ms) and velocity variation (±20 %):
     * backbeat (kick on 1 and 3, snare on 2 and 4, quieter closed hats on eighths), four on the floor (kick every beat,
     * clap on 2 and 4, open hats on the off-beats), or a two-step break (kick on 1 and the and of 3, snare on 2 and 4).
     */
    static AudioBuffer loop(double bpm, String style, double seconds, long seed) {
        Random r = new Random(seed);
        int frames = (int) (seconds * FS);
        float[] l = new float[frames], rt = new float[frames];
        double eighth = 30 / bpm;
        for (int step = 0; step * eighth < seconds; step++) {
            int beatInBar = (step / 2) % 4, half = step % 2;
            double t = step * eighth + (r.nextDouble() - 0.5) * 0.008;
            boolean kick, snare;
            switch (style) {
                case "four" -> {
                    kick = half == 0;
                    snare = half == 0 && beatInBar % 2 == 1;
                }
                case "break" -> {
                    kick = half == 0 && beatInBar == 0 || half == 1 && beatInBar == 2;
                    snare = half == 0 && beatInBar % 2 == 1;
                }
                default -> {
                    kick = half == 0 && beatInBar % 2 == 0;
                    snare = half == 0 && beatInBar % 2 == 1;
                }
            }
            double v = 0.8 + 0.4 * r.nextDouble();
            if (kick) hit(l, rt, t, v, "kick", r);
            if (snare) hit(l, rt, t, 0.8 * v, "snare", r);
            boolean hat = style.equals("four") ? half == 1 : true;
            if (hat) hit(l, rt, t, 0.25 * v, style.equals("four") ? "open" : "hat", r);
        }
        return new AudioBuffer(new float[][]{l, rt}, FS);
    }

    private static void hit(float[] l, float[] rt, double t0, double v, String kind, Random r) {
        int s = Math.max(0, (int) (t0 * FS));
        double len = switch (kind) { case "kick" -> 0.3; case "snare" -> 0.2; case "open" -> 0.25; default -> 0.05; };
        double phase = 0, lp = 0;
        for (int i = 0; i < len * FS && s + i < l.length; i++) {
            double t = i / FS, x;
            switch (kind) {
                case "kick" -> {
                    phase += 2 * Math.PI * (50 + 90 * Math.exp(-t * 35)) / FS;
                    x = Math.sin(phase) * Math.exp(-t * 14);
                }
                case "snare" -> {
                    double n = r.nextGaussian();
                    lp = 0.5 * lp + 0.5 * n;
                    x = 0.4 * (n - lp) * Math.exp(-t * 18) + 0.4 * Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t * 30);
                }
                default -> {
                    double n = r.nextGaussian();
                    lp = 0.3 * lp + 0.7 * n;
                    x = 0.5 * (n - lp) * Math.exp(-t * (kind.equals("open") ? 12 : 60));
                }
            }
            l[s + i] += (float) (v * x);
            rt[s + i] += (float) (v * x);
        }
    }

    static TempoEstimate estimate(AudioBuffer a, int block) {
        OnsetEnvelope e = new OnsetEnvelope(a.channels(), a.sampleRate());
        feed(e, a, block);
        return TempoEstimator.estimate(e.envelope(), e.frameRate());
    }

    static void feed(OnsetEnvelope e, AudioBuffer a, int block) {
        for (int from = 0; from < a.frames(); from += block) {
            int n = Math.min(block, a.frames() - from);
            AudioBuffer b = AudioBuffer.allocate(a.channels(), n, a.sampleRate());
            for (int c = 0; c < a.channels(); c++) System.arraycopy(a.channel(c), from, b.channel(c), 0, n);
            e.add(b);
        }
    }

    @ParameterizedTest(name = "{0} BPM {1}")
    @CsvSource({"85, backbeat", "100, backbeat", "128, four", "140, backbeat", "174, break", "92.5, backbeat", "120, four", "160, break"})
    void aSynthesisedDrumLoopGivesItsTempoWithinOnePercent(double bpm, String style) {
        for (long seed = 1; seed <= 3; seed++) {
            TempoEstimate t = estimate(loop(bpm, style, 40, seed * 1000 + (long) (bpm * 10)), 4096);
            assertEquals(bpm, t.bpm(), 0.01 * bpm, "seed " + seed + ": " + t);
            assertTrue(t.confident(), "confident: " + t);
        }
    }

    @Test
    void noiseHasNoConfidentTempo() {
        Random r = new Random(3);
        float[] x = new float[(int) (30 * FS)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * r.nextGaussian());
        TempoEstimate t = estimate(new AudioBuffer(new float[][]{x}, FS), 4096);
        assertFalse(t.confident(), t.toString());
    }

    @Test
    void aSteadyToneAndSilenceHaveNoConfidentTempo() {
        float[] x = new float[(int) (20 * FS)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / FS));
        assertFalse(estimate(new AudioBuffer(new float[][]{x}, FS), 4096).confident());
        assertEquals(0, estimate(AudioBuffer.allocate(2, (int) (20 * FS), FS), 4096).confidence());
    }

    @Test
    void tooShortForFourBeatsAtTheSlowestTempoIsNotConfident() {
        assertEquals(0, estimate(loop(120, "backbeat", 4, 1), 4096).confidence());
    }

    @Test
    void theEnvelopeDoesNotDependOnBlockSizeOrInputGain() {
        AudioBuffer a = loop(110, "backbeat", 8, 5);
        float[] ref = null;
        for (int block : new int[]{1, 7, 64, 4096}) {
            OnsetEnvelope e = new OnsetEnvelope(2, FS);
            feed(e, a, block);
            float[] env = e.envelope();
            if (ref == null) ref = env;
            else assertArrayEquals(ref, env, 1e-4f, "block " + block);
        }
        AudioBuffer quiet = a.copy();
        quiet.applyGain((float) Math.pow(10, -20 / 20.0));
        OnsetEnvelope e = new OnsetEnvelope(2, FS);
        feed(e, quiet, 4096);
        float[] env = e.envelope();
        for (int i = 0; i < env.length; i++) assertEquals(ref[i], env[i], 1e-3 + 1e-3 * ref[i], "hop " + i);
    }

    @Test
    void otherSampleRatesGiveTheSameTempo() {
        // The same loop resynthesised at 48 kHz by timing only: the hop follows the rate, the tempo must not.
        AudioBuffer a = loop(128, "four", 30, 9);
        float[][] ch = new float[2][(int) (a.frames() * (48000 / FS))];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < ch[c].length; i++) ch[c][i] = a.channel(c)[(int) (i * FS / 48000)];
        }
        assertEquals(128, estimate(new AudioBuffer(ch, 48000), 4096).bpm(), 1.28);
    }
}
