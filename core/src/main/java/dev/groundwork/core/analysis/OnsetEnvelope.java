package dev.groundwork.core.analysis;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.Arrays;

/**
 * Onset strength of a signal, accumulated block by block (any block sizes give the same curve): the mono
 * sum is split at 150 Hz (kick and bass below, snare, hats and the rest above) on eighths of a hop (the
 * sub-block means through a one-pole low-pass; the high band is the rest of the sub-block's energy), the
 * energy of each band is smoothed by two one-pole filters at 20 Hz (so the
 * ripple of a held low note is not mistaken for onsets), then sampled every hop of about 5.8 ms, and
 * {@link #envelope()} returns, per hop, the
 * rise of each band's log-compressed energy summed over the bands. The compression is relative to the
 * signal's own mean energy, so the curve does not depend on the input gain. Holds two floats per hop
 * (about 330 kB for four minutes), never the audio.
 */
public final class OnsetEnvelope {
    private static final double SPLIT_HZ = 150;
    private static final double SMOOTH_HZ = 20;
    private static final double COMPRESSION = 100;   // log1p(100 · e / mean): about 40 dB of range above the floor
    private static final double MIN_RISE = 0.1;       // about 0.4 dB at the mean level: the ripple of a held tone is not an onset

    private final int channels;
    private final int hop, sub;
    private final double frameRate;
    private final double lowCoefficient, smoothCoefficient;
    private double low;
    private double low1, low2, high1, high2;     // the two smoothing stages of each band's energy
    private double subLow, subHigh;              // running sum and sum of squares of the current sub-block
    private int subFill;
    private int fill;
    private float[] lowEnergy = new float[4096], highEnergy = new float[4096];
    private int hops;

    public OnsetEnvelope(int channels, double sampleRate) {
        if (channels < 1) throw new IllegalArgumentException("channels must be at least 1");
        if (!(sampleRate >= 8000)) throw new IllegalArgumentException("sample rate must be at least 8000 Hz");
        this.channels = channels;
        this.hop = (int) Math.round(sampleRate * 256 / 44100.0);
        this.frameRate = sampleRate / hop;
        this.sub = Math.max(1, hop / 8);
        this.lowCoefficient = 1 - Math.exp(-2 * Math.PI * SPLIT_HZ * sub / sampleRate);
        // The smoothing runs once per sub-block, on the sub-block's mean energy.
        this.smoothCoefficient = 1 - Math.exp(-2 * Math.PI * SMOOTH_HZ * sub / sampleRate);
    }

    /** Hops per second of the envelope. */
    public double frameRate() { return frameRate; }

    public void add(AudioBuffer block) {
        if (block.channels() != channels) throw new IllegalArgumentException("expected " + channels + " channels, got " + block.channels());
        int n = block.frames();
        float[] a = block.channel(0), b = channels > 1 ? block.channel(1) : null;
        double scale = channels > 1 ? 0.5 : 1;
        double sx = subLow, sxx = subHigh;
        int f = fill, sf = subFill;
        for (int i = 0; i < n; i++) {
            double x = b == null ? a[i] : scale * (a[i] + b[i]);
            sx += x;
            sxx += x * x;
            if (++sf == sub) {
                // The split runs on the sub-block means (a box filter, then the one-pole at 150 Hz at the sub-block
                // rate): the low band's energy is the filtered mean squared, the high band's what the rest carries.
                low += lowCoefficient * (sx / sub - low);
                double el = low * low, total = sxx / sub;
                smooth(el, Math.max(0, total - el));
                sx = 0;
                sxx = 0;
                sf = 0;
            }
            if (++f == hop) {
                push((float) low2, (float) high2);
                f = 0;
            }
        }
        subLow = sx;
        subHigh = sxx;
        subFill = sf;
        fill = f;
    }

    private void smooth(double el, double eh) {
        double k = smoothCoefficient;
        low1 += k * (el - low1);
        low2 += k * (low1 - low2);
        high1 += k * (eh - high1);
        high2 += k * (high1 - high2);
    }

    private void push(float el, float eh) {
        if (hops == lowEnergy.length) {
            lowEnergy = Arrays.copyOf(lowEnergy, hops * 2);
            highEnergy = Arrays.copyOf(highEnergy, hops * 2);
        }
        lowEnergy[hops] = el;
        highEnergy[hops] = eh;
        hops++;
    }

    /** The onset strength per hop (0 where nothing rises); all zeros for silence. */
    public float[] envelope() {
        float[] out = new float[hops];
        addFlux(lowEnergy, out);
        addFlux(highEnergy, out);
        return out;
    }

    private void addFlux(float[] energy, float[] out) {
        double mean = 0;
        for (int i = 0; i < hops; i++) mean += energy[i];
        mean /= Math.max(1, hops);
        if (!(mean > 0)) return;
        double k = COMPRESSION / mean, prev = 0;
        for (int i = 0; i < hops; i++) {
            double v = Math.log1p(k * energy[i]);
            if (i > 0 && v - prev > MIN_RISE) out[i] += (float) (v - prev - MIN_RISE);
            prev = v;
        }
    }
}
