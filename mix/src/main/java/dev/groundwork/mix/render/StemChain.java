package dev.groundwork.mix.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadCascade;
import dev.groundwork.core.dsp.Compressor;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.mix.analysis.SampleScan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.stems.StemSource;
import dev.groundwork.mix.stems.StemStream;

/**
 * One channel strip as the plan describes it: fader gain, EQ, compressor, ducking under the kick key,
 * then the pan into stereo (constant power for mono, balance for stereo). Holds one block of audio.
 */
final class StemChain implements AutoCloseable {
    final StemPlan plan;
    private final StemStream stream;
    private final AudioBuffer in;
    /** The block being rendered; {@link #takeOut()} hands it over and renders the next block into the spare. */
    AudioBuffer out;
    private AudioBuffer spare;
    private final float gain;
    private final BiquadCascade eq;
    private final Compressor compressor, ducker;
    private final double panL, panR;
    /**
     * Digital silence is skipped once the strip has settled: when the input block is all zeros, the EQ
     * has rung out to exact zeros and the compressor's gain has released to within {@link #SETTLED_DB}
     * of unity (where its output gain is exactly the make-up gain), the block's output is zeros without
     * running the EQ and compressor. Multitrack stems are mostly silence (70 % of the blocks of the
     * bench's 16-stem session), so this is most of the strips' work. The ducker keeps running: its key is the kick.
     */
    private static final double SETTLED_DB = 1e-6;
    private boolean eqRungOut;             // the last block left the EQ with all-zero output on silent input
    private long quietFrames;              // consecutive frames of all-zero compressor input
    private double peakIntoCompressor;     // the loudest compressor input so far (linear), bounds its gain reduction
    private long processedFrames, skippedFrames;

    StemChain(StemPlan plan, StemSource source, double rate, int block) {
        this.plan = plan;
        this.stream = new StemStream(source, rate, block);
        int ch = stream.channels();
        this.in = AudioBuffer.allocate(ch, block, rate);
        this.out = AudioBuffer.allocate(2, block, rate);
        this.spare = AudioBuffer.allocate(2, block, rate);
        this.gain = (float) Math.pow(10, plan.gainDb() / 20);
        ProcessSpec spec = new ProcessSpec(rate, block, ch);
        // All bands in one sample-major pass (same samples as band after band, fewer trips through memory).
        this.eq = plan.eq().isEmpty() ? null
                : new BiquadCascade(plan.eq().stream().map(b -> b.coefficients(rate)).toArray(Biquad.Coefficients[]::new), ch);
        this.compressor = plan.compression() == null ? null : new Compressor(plan.compression().settings());
        if (compressor != null) compressor.prepare(spec);
        this.ducker = plan.ducking() == null ? null : new Compressor(plan.ducking().settings());
        if (ducker != null) ducker.prepare(spec);
        double p = plan.pan();
        if (ch == 1) {
            double a = (p + 1) * Math.PI / 4;
            panL = Math.cos(a);
            panR = Math.sin(a);
        } else {
            panL = p > 0 ? 1 - p : 1;
            panR = p < 0 ? 1 + p : 1;
        }
    }

    boolean needsKey() { return ducker != null; }

    /** The finished block; the next {@link #process} writes into the other buffer (no copy between the two threads). */
    AudioBuffer takeOut() {
        AudioBuffer done = out;
        out = spare;
        spare = done;
        return done;
    }

    /** Reads and processes the next block; {@code key} is the kick sum for ducking (may be null when not needed). */
    void process(AudioBuffer key) {
        stream.read(in);
        int n = in.frames();
        int ch = in.channels();
        if (plan.silent()) {
            // Left alone: no gain, no processing, only placed in the stereo field.
            pan(n, ch);
            return;
        }
        boolean silentIn = silent(in, n, ch);
        if (silentIn && (eq == null || eqRungOut) && compressorSettled()) {
            if (eq != null) eq.reset();   // its state is below the smallest float already; the full run would underflow to zero too
            skippedFrames += n;
            if (ducker != null && key != null) ducker.process(in, key, in);   // zeros stay zeros; keeps following the kick
            java.util.Arrays.fill(out.channel(0), 0, n, 0f);   // what the pan makes of zeros
            java.util.Arrays.fill(out.channel(1), 0, n, 0f);
            out.setFrames(n);
            return;
        }
        for (int c = 0; c < ch; c++) {
            float[] x = in.channel(c);
            for (int i = 0; i < n; i++) x[i] *= gain;
        }
        if (eq != null && ch == 2) eq.processStereo(in.channel(0), in.channel(1), 0, n);   // both channels' recursions in one loop
        else if (eq != null) eq.process(0, in.channel(0), 0, n);
        if (eq != null) eqRungOut = silentIn && silent(in, n, ch);
        if (compressor != null) {
            double level = silentIn && (eq == null || eqRungOut) ? 0 : peak(in, n, ch);
            peakIntoCompressor = Math.max(peakIntoCompressor, level);
            quietFrames = level == 0 ? quietFrames + n : 0;
            compressor.process(in, in);
        }
        processedFrames += n;
        if (ducker != null && key != null) ducker.process(in, key, in);
        pan(n, ch);
    }

    /**
     * True when the compressor, fed zeros since {@link #quietFrames} ago, has certainly released to within
     * {@link #SETTLED_DB} of no reduction: its RMS detector (if any) has decayed below the knee, and then its
     * gain has released from the deepest reduction the loudest input so far could cause.
     */
    private boolean compressorSettled() {
        if (compressor == null) return true;
        var s = compressor.settings();
        double fs = in.sampleRate();
        double slope = 1 - 1 / s.ratio();
        double peakDb = peakIntoCompressor > 0 ? 20 * Math.log10(peakIntoCompressor) : Double.NEGATIVE_INFINITY;
        double quietDb = s.thresholdDb() - s.kneeDb() / 2;
        double detectorDecay = s.rmsMs() > 0 && peakDb > quietDb ? (peakDb - quietDb) / 20 * 2 * Math.log(10) * s.rmsMs() * 1e-3 * fs : 0;
        double deepestDb = -Compressor.staticGainDb(peakDb, s.thresholdDb(), s.kneeDb(), slope);
        double release = deepestDb > SETTLED_DB ? Math.log(deepestDb / SETTLED_DB) * s.releaseMs() * 1e-3 * fs : 0;
        return quietFrames >= Math.ceil(detectorDecay + release) + 1;
    }

    private static boolean silent(AudioBuffer b, int n, int ch) {
        for (int c = 0; c < ch; c++) if (!SampleScan.isSilent(b.channel(c), n)) return false;
        return true;
    }

    /** The largest absolute sample of the first {@code n} frames (0 for digital silence). */
    private static double peak(AudioBuffer b, int n, int ch) {
        float m = 0;
        for (int c = 0; c < ch; c++) m = Math.max(m, SampleScan.absPeak(b.channel(c), n));
        return m;
    }

    private void pan(int n, int ch) {
        float[] l = out.channel(0), r = out.channel(1);
        float[] a = in.channel(0), b = ch > 1 ? in.channel(1) : in.channel(0);
        float gl = (float) panL, gr = (float) panR;
        for (int i = 0; i < n; i++) {
            l[i] = a[i] * gl;
            r[i] = b[i] * gr;
        }
        out.setFrames(n);
    }

    /** Mean over the whole stem: the skipped silent frames had no reduction. */
    double meanCompressionDb() {
        long all = processedFrames + skippedFrames;
        return compressor == null || all == 0 ? 0 : compressor.meanGainReductionDb() * processedFrames / all;
    }

    double meanDuckingDb() { return ducker == null ? 0 : ducker.meanGainReductionDb(); }

    @Override
    public void close() { stream.close(); }
}
