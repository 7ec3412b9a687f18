package dev.groundwork.beat.sound;

import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;

/**
 * The lo-fi sound's medium, as a beatmaker gets it from a sampled record played off tape: a vinyl bed
 * (steady hiss plus crackle clicks), tape wow (a slow pitch drift), and a dull top end. Everything is
 * seeded, so the same plan gives the same bytes.
 */
public final class LofiTape {
    /** Hiss RMS of the bed before the part's gain: about 50 dB under a full-scale sine. */
    public static final double HISS_RMS = 0.0022;
    /** Crackle clicks per second (a well-played record, not a scratched one). */
    static final double CLICKS_PER_SECOND = 6;
    /** Wow: 0.55 Hz drift of ±0.9 ms, a pitch swing of about ±5 cents. */
    static final double WOW_HZ = 0.55, WOW_DEPTH_SECONDS = 0.0009;

    private LofiTape() { }

    /** Adds the vinyl bed (band-limited hiss and crackle) to x over frames [from, to). */
    public static void addBed(float[] x, int from, int to, double sr, long seed) {
        Noise noise = new Noise(seed);
        Biquad low = new Biquad(1), high = new Biquad(1);
        high.setCoefficients(BiquadDesign.highPass(sr, 500, 0.7));
        low.setCoefficients(BiquadDesign.lowPass(sr, 5000, 0.7));
        int n = Math.max(0, Math.min(to, x.length) - from);
        float[] bed = new float[n];
        double hissGain = HISS_RMS * 2.3; // the 500-5000 Hz band keeps about 0.45 of white noise's RMS
        for (int i = 0; i < n; i++) bed[i] = (float) (noise.next() * hissGain);
        // crackle: short decaying clicks at random times, random size (mostly small, a few pops)
        double perFrame = CLICKS_PER_SECOND / sr;
        int decay = (int) (sr * 0.0015);
        for (int i = 0; i < n; i++) {
            if ((noise.next() + 1) / 2 >= perFrame) continue;
            double size = 0.02 + 0.18 * Math.pow((noise.next() + 1) / 2, 4);
            double sign = noise.next() < 0 ? -1 : 1;
            for (int k = 0; k < decay * 4 && i + k < n; k++) bed[i + k] += (float) (sign * size * Math.exp(-k / (double) decay) * (k % 2 == 0 ? 1 : -0.6));
        }
        high.process(0, bed, 0, n);
        low.process(0, bed, 0, n);
        for (int i = 0; i < n; i++) x[from + i] += bed[i];
    }

    /**
     * Tape wow: reads the signal through a slowly swinging delay (linear interpolation), in place. With
     * {@code loop}, the drift makes whole cycles over the buffer and reads across its start circularly, so a
     * loop still repeats seamlessly.
     */
    public static void wow(float[] x, double sr, long seed, boolean loop) {
        int n = x.length;
        if (n == 0) return;
        float[] dry = x.clone();
        double phase0 = new Noise(seed).next() * Math.PI;
        double depth = WOW_DEPTH_SECONDS * sr;
        double hz = WOW_HZ;
        if (loop) hz = Math.max(1, Math.round(WOW_HZ * n / sr)) * sr / n;
        double w = 2 * Math.PI * hz / sr;
        for (int i = 0; i < n; i++) {
            double pos = i - depth * (1 + Math.sin(w * i + phase0));
            int k = (int) Math.floor(pos);
            double f = pos - k;
            float a, b;
            if (loop) {
                a = dry[Math.floorMod(k, n)];
                b = dry[Math.floorMod(k + 1, n)];
            } else {
                a = k >= 0 ? dry[k] : 0f;
                b = k + 1 >= 0 ? dry[k + 1] : 0f;
            }
            x[i] = (float) (a + (b - a) * f);
        }
    }

    /** The dull top of a sampled record: a 12 dB/octave low-pass at {@code cutoffHz}, in place. */
    public static void dull(float[] x, double sr, double cutoffHz) {
        Biquad b = new Biquad(1);
        b.setCoefficients(BiquadDesign.lowPass(sr, cutoffHz, 0.7));
        b.process(0, x, 0, x.length);
    }
}
