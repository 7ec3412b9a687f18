package dev.groundwork.master;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.meter.LoudnessMeter;

import java.util.Random;

/** Music-like test signals: a chord progression, kick and snare hits, hi-hat noise bursts and a sweep. */
final class Music {
    private Music() { }

    static AudioBuffer song(double seconds, double rate, int channels, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[][] x = new float[channels][n];
        Random rnd = new Random(seed);
        double[][] chords = {{220, 277.18, 329.63}, {196, 246.94, 293.66}, {174.61, 220, 261.63}, {164.81, 207.65, 246.94}};
        double bpm = 120, beat = 60 / bpm;
        double hatState = 0;
        for (int i = 0; i < n; i++) {
            double t = i / rate;
            int bar = (int) (t / (4 * beat));
            double[] ch = chords[bar % chords.length];
            double pad = 0;
            for (int k = 0; k < ch.length; k++) pad += Math.sin(2 * Math.PI * ch[k] * t + k) + 0.3 * Math.sin(4 * Math.PI * ch[k] * t);
            pad *= 0.1;
            double bass = 0.25 * Math.sin(2 * Math.PI * ch[0] / 4 * t);
            double tb = t % beat;
            double kick = 0.5 * Math.exp(-tb * 25) * Math.sin(2 * Math.PI * (45 + 120 * Math.exp(-tb * 35)) * tb);
            double ts = (t + beat) % (2 * beat);
            double snare = ts < 0.2 ? 0.35 * Math.exp(-ts * 20) * rnd.nextGaussian() : 0;
            double th = t % (beat / 2);
            double white = rnd.nextGaussian();
            hatState = white - 0.85 * hatState; // crude high-pass colour
            double hat = 0.06 * Math.exp(-th * 60) * hatState;
            double sweepT = t % 8;
            double sweep = 0.03 * Math.sin(2 * Math.PI * (200 * sweepT + 300 * sweepT * sweepT));
            double mono = bass + kick + pad + snare;
            if (channels == 1) {
                x[0][i] = (float) (mono + hat + sweep);
            } else {
                x[0][i] = (float) (mono + 0.8 * hat + 1.2 * sweep + 0.03 * Math.sin(2 * Math.PI * ch[1] * 1.005 * t));
                x[1][i] = (float) (mono + 1.2 * hat + 0.8 * sweep + 0.03 * Math.sin(2 * Math.PI * ch[2] * 0.995 * t));
                for (int c = 2; c < channels; c++) x[c][i] = (float) mono;
            }
        }
        return new AudioBuffer(x, rate);
    }

    /** Sustained chords and a soft bass, no drums: a low crest factor, like already-mastered pads. */
    static AudioBuffer pads(double seconds, double rate, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[][] x = new float[2][n];
        double[][] chords = {{261.63, 329.63, 392}, {220, 261.63, 329.63}, {174.61, 220, 261.63}, {196, 246.94, 293.66}};
        for (int i = 0; i < n; i++) {
            double t = i / rate;
            double[] ch = chords[(int) (t / 2) % chords.length];
            double l = 0.3 * Math.sin(2 * Math.PI * ch[0] / 2 * t), r = l;
            for (int k = 0; k < ch.length; k++) {
                l += 0.12 * Math.sin(2 * Math.PI * ch[k] * t + k + seed);
                r += 0.12 * Math.sin(2 * Math.PI * ch[k] * 1.002 * t + 2 * k);
            }
            x[0][i] = (float) l;
            x[1][i] = (float) r;
        }
        return new AudioBuffer(x, rate);
    }

    /** Scales audio so its integrated loudness is {@code lufs}. */
    static AudioBuffer atLoudness(AudioBuffer a, double lufs) {
        double now = integrated(a);
        AudioBuffer c = a.copy();
        c.applyGain(Math.pow(10, (lufs - now) / 20));
        return c;
    }

    static double integrated(AudioBuffer a) {
        LoudnessMeter m = new LoudnessMeter(a.channels(), a.sampleRate(), java.util.EnumSet.of(LoudnessMeter.Measure.INTEGRATED));
        m.add(a);
        return m.integratedLufs().orElse(Double.NEGATIVE_INFINITY);
    }

    static double truePeak(AudioBuffer a) {
        LoudnessMeter m = new LoudnessMeter(a.channels(), a.sampleRate(), java.util.EnumSet.of(LoudnessMeter.Measure.TRUE_PEAK));
        m.add(a);
        return m.truePeakDbtp();
    }

    /** True peak by the accurate ×16 estimator over every point (no gate), dBTP. */
    static double accurateTruePeak(AudioBuffer a) {
        dev.groundwork.core.dsp.TruePeakOversampler tp = dev.groundwork.core.dsp.TruePeakOversampler.accurate(a.channels(), 0);
        for (int c = 0; c < a.channels(); c++) tp.process(c, a.channel(c), 0, a.frames());
        return 20 * Math.log10(tp.peak());
    }
}
