package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.Arrays;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc (about 32 zero crossings a side,
 * stop band better than −100 dB), streaming block by block or whole-buffer. The kernel is tabulated
 * once at 512 phases per sample and interpolated linearly between phases, so any ratio works
 * (44.1 ↔ 48 ↔ 96 kHz and odd ones alike) and nothing is recomputed per sample.
 *
 * <p>Timing is exact: output frame k sits at input time k·in/out, so a whole-buffer conversion has
 * no delay and {@code round(frames · out / in)} frames.
 */
public final class Resampler {
    private static final int PHASES = 512;
    private static final int ZERO_CROSSINGS = 32;
    private static final double KAISER_BETA = 10.0;
    /** Pass band edge as a fraction of the lower Nyquist; the rest is the transition band. */
    private static final double PASS_FRACTION = 0.91;

    private final int channels;
    private final double inRate, outRate, step;
    private final int half;          // kernel half length in input samples
    private final float[] table;     // (PHASES + 1) rows of 2*half taps
    private final int taps;

    private double[][] history;      // input not yet fully consumed, per channel
    private int historyFrames;       // valid frames in history
    private long historyStart;       // absolute input index of history[.][0]
    private long inputFrames;        // total frames fed
    private long outputIndex;        // next output frame to produce

    public Resampler(int channels, double inRate, double outRate) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1");
        if (!(inRate >= 1000 && outRate >= 1000 && inRate <= 768_000 && outRate <= 768_000)) {
            throw new IllegalArgumentException("sample rates must be between 1 kHz and 768 kHz");
        }
        this.channels = channels;
        this.inRate = inRate;
        this.outRate = outRate;
        this.step = inRate / outRate;
        double cutoff = 0.5 * Math.min(1.0, outRate / inRate);                 // cycles per input sample
        double fc = cutoff * (PASS_FRACTION + 1.0) / 2.0;                       // centre of the transition band
        this.half = (int) Math.ceil(ZERO_CROSSINGS / (2.0 * cutoff));
        this.taps = 2 * half;
        this.table = new float[(PHASES + 1) * taps];
        for (int p = 0; p <= PHASES; p++) {
            double frac = (double) p / PHASES;
            for (int j = 0; j < taps; j++) {
                double x = frac + half - 1 - j;       // distance from output time to input sample
                double window = KaiserWindow.value(KAISER_BETA, x / half);
                double arg = 2 * fc * x;
                double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
                table[p * taps + j] = (float) (2 * fc * sinc * window);
            }
        }
        reset();
    }

    public double inputRate() { return inRate; }

    public double outputRate() { return outRate; }

    public void reset() {
        // The signal is taken as zero before the first frame: prime the history with `half` zeros.
        history = new double[channels][Math.max(4096, 4 * taps)];
        historyFrames = half;
        historyStart = -half;
        inputFrames = 0;
        outputIndex = 0;
    }

    /** Feeds a block and returns the output frames that are now complete (possibly none). */
    public AudioBuffer process(AudioBuffer in) {
        if (in.channels() != channels) throw new IllegalArgumentException("expected " + channels + " channels, got " + in.channels());
        append(in.data(), in.frames());
        inputFrames += in.frames();
        return produce();
    }

    /** Ends the stream: returns the remaining frames so the total is round(inputFrames · out / in). Call {@link #reset()} before reuse. */
    public AudioBuffer flush() {
        int pad = half + 1;
        append(new float[channels][pad], pad);
        return produce();
    }

    /** Converts a whole buffer; the result has round(frames · out / in) frames and no delay. */
    public static AudioBuffer resample(AudioBuffer in, double outRate) {
        if (in.sampleRate() == outRate) return in.copy();
        Resampler r = new Resampler(in.channels(), in.sampleRate(), outRate);
        AudioBuffer a = r.process(in);
        AudioBuffer b = r.flush();
        AudioBuffer out = AudioBuffer.allocate(in.channels(), a.frames() + b.frames(), outRate);
        for (int c = 0; c < in.channels(); c++) {
            System.arraycopy(a.channel(c), 0, out.channel(c), 0, a.frames());
            System.arraycopy(b.channel(c), 0, out.channel(c), a.frames(), b.frames());
        }
        return out;
    }

    private void append(float[][] data, int frames) {
        if (historyFrames + frames > history[0].length) {
            int cap = Math.max(history[0].length * 2, historyFrames + frames);
            for (int c = 0; c < channels; c++) history[c] = Arrays.copyOf(history[c], cap);
        }
        for (int c = 0; c < channels; c++) {
            float[] src = data[c];
            double[] dst = history[c];
            for (int i = 0; i < frames; i++) dst[historyFrames + i] = src[i];
        }
        historyFrames += frames;
    }

    private AudioBuffer produce() {
        long totalOut = Math.round(inputFrames * outRate / inRate);
        long available = historyStart + historyFrames;   // one past the last input frame held
        long end = outputIndex;
        // Output k needs inputs up to floor(k * step) + half; never produce more than the input justifies.
        while (end < totalOut && (long) Math.floor(end * step) + half < available) end++;
        int n = (int) (end - outputIndex);
        AudioBuffer out = AudioBuffer.allocate(channels, n, outRate);
        for (int k = 0; k < n; k++) {
            double t = (outputIndex + k) * step;
            long i0 = (long) Math.floor(t);
            double pos = (t - i0) * PHASES;
            int p = (int) pos;
            double mix = pos - p;
            int rowA = p * taps, rowB = rowA + taps;
            int first = (int) (i0 - half + 1 - historyStart);
            for (int c = 0; c < channels; c++) {
                double[] h = history[c];
                double accA = 0, accB = 0;
                for (int j = 0; j < taps; j++) {
                    double x = h[first + j];
                    accA += x * table[rowA + j];
                    accB += x * table[rowB + j];
                }
                out.channel(c)[k] = (float) (accA + (accB - accA) * mix);
            }
        }
        outputIndex += n;
        discardConsumed();
        return out;
    }

    /** Drops input that no future output frame can reach, keeping memory bounded by the block size. */
    private void discardConsumed() {
        long neededFrom = (long) Math.floor(outputIndex * step) - half + 1;
        int drop = (int) Math.max(0, Math.min(historyFrames, neededFrom - historyStart));
        if (drop == 0) return;
        for (int c = 0; c < channels; c++) System.arraycopy(history[c], drop, history[c], 0, historyFrames - drop);
        historyFrames -= drop;
        historyStart += drop;
    }
}
