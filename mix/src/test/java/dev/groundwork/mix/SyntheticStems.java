package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small seeded band at 120 BPM synthesised in code: kick, snare, hats, bass, a sung-like lead, a pad. */
final class SyntheticStems {
    static final double FS = 44100;
    static final double BPM = 120;

    private SyntheticStems() { }

    static int frames(double seconds) { return (int) Math.round(seconds * FS); }

    static AudioBuffer kick(double seconds, double gain) {
        float[] x = new float[frames(seconds)];
        double beat = 60 / BPM;
        for (double t0 = 0; t0 < seconds; t0 += beat) {
            int s = (int) (t0 * FS);
            double phase = 0;
            for (int i = 0; i < (int) (0.35 * FS) && s + i < x.length; i++) {
                double t = i / FS;
                double f = 50 + 100 * Math.exp(-t * 30);
                phase += 2 * Math.PI * f / FS;
                x[s + i] += (float) (gain * 0.9 * Math.exp(-t * 16) * Math.sin(phase));
            }
        }
        return new AudioBuffer(new float[][]{x}, FS);
    }

    static AudioBuffer snare(double seconds, double gain, long seed) {
        Random r = new Random(seed);
        float[] x = new float[frames(seconds)];
        double beat = 60 / BPM;
        for (double t0 = beat; t0 < seconds; t0 += 2 * beat) {
            int s = (int) (t0 * FS);
            double lp = 0;
            for (int i = 0; i < (int) (0.25 * FS) && s + i < x.length; i++) {
                double t = i / FS;
                double n = r.nextGaussian();
                lp = 0.6 * lp + 0.4 * n;
                double body = Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t * 25);
                x[s + i] += (float) (gain * (0.35 * (n - lp) * Math.exp(-t * 14) + 0.4 * body));
            }
        }
        return new AudioBuffer(new float[][]{x}, FS);
    }

    static AudioBuffer hats(double seconds, double gain, long seed) {
        Random r = new Random(seed);
        float[] x = new float[frames(seconds)];
        double step = 60 / BPM / 4;
        for (double t0 = 0; t0 < seconds; t0 += step) {
            int s = (int) (t0 * FS);
            double prev = 0;
            for (int i = 0; i < (int) (0.05 * FS) && s + i < x.length; i++) {
                double n = r.nextGaussian();
                double hp = n - prev;        // first difference: bright noise
                prev = n;
                x[s + i] += (float) (gain * 0.15 * hp * Math.exp(-i / FS * 80));
            }
        }
        return new AudioBuffer(new float[][]{x}, FS);
    }

    static AudioBuffer bass(double seconds, double gain) {
        float[] x = new float[frames(seconds)];
        double[] notes = {55, 55, 65.4, 49};
        double bar = 4 * 60 / BPM;
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            double f = notes[(int) (t / bar) % notes.length];
            phase += 2 * Math.PI * f / FS;
            double tn = (t % (60 / BPM)) ;
            double env = Math.min(1, tn * 200) * (0.7 + 0.3 * Math.exp(-tn * 4));
            x[i] = (float) (gain * 0.5 * env * (Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase)));
        }
        return new AudioBuffer(new float[][]{x}, FS);
    }

    /** Harmonic-rich tone with vibrato and phrase gaps, in the vocal range. */
    static AudioBuffer lead(double seconds, double gain) {
        float[] x = new float[frames(seconds)];
        double[] notes = {220, 247, 262, 294, 262, 247};
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            int n = (int) (t / 0.5);
            double inPhrase = (t % 4.0) < 3.2 ? 1 : 0;
            double f = notes[n % notes.length] * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f / FS;
            double tn = t % 0.5;
            double env = inPhrase * Math.min(1, tn * 40) * Math.min(1, (0.5 - tn) * 40) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t) * Math.sin(2 * Math.PI * 0.7 * t));
            double s = 0;
            for (int h = 1; h <= 12; h++) s += Math.sin(h * phase) / h * (h >= 3 && h <= 6 ? 1.6 : 1.0);
            x[i] = (float) (gain * 0.25 * env * s);
        }
        return new AudioBuffer(new float[][]{x}, FS);
    }

    static AudioBuffer pad(double seconds, double gain) {
        float[][] x = new float[2][frames(seconds)];
        double[] chord = {220, 277.2, 329.6, 440};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < x[c].length; i++) {
                double t = i / FS, s = 0;
                for (int k = 0; k < chord.length; k++) s += Math.sin(2 * Math.PI * chord[k] * (1 + (c == 0 ? 0.003 : -0.003) * (k + 1)) * t + k);
                x[c][i] = (float) (gain * 0.08 * s);
            }
        }
        return new AudioBuffer(x, FS);
    }

    static List<StemSource> band(double seconds) {
        List<StemSource> l = new ArrayList<>();
        l.add(new MemoryStem("Kick.wav", kick(seconds, 1)));
        l.add(new MemoryStem("Snare.wav", snare(seconds, 1, 1)));
        l.add(new MemoryStem("HiHat.wav", hats(seconds, 1, 2)));
        l.add(new MemoryStem("Bass.wav", bass(seconds, 1)));
        l.add(new MemoryStem("LeadVox.wav", lead(seconds, 1)));
        l.add(new MemoryStem("Pad.wav", pad(seconds, 1)));
        return l;
    }

    static AudioBuffer scaled(AudioBuffer a, double db) {
        AudioBuffer c = a.copy();
        c.applyGain(Math.pow(10, db / 20));
        return c;
    }
}
