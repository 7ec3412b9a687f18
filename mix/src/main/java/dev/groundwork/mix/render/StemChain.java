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
     * Digital silence is skipped once the EQ has rung out: when the input block is all zeros, the EQ's last
     * output on silence was exact zeros and the compressor can step over silence in closed form
     * ({@link Compressor#skipSilence}), the block's output is zeros without running the EQ and compressor.
     * Multitrack stems are mostly silence (70 % of the blocks of the bench's 16-stem session), so this is most
     * of the strips' work. The ducker keeps running: its key is the kick.
     */
    private boolean eqRungOut;             // the last block left the EQ with all-zero output on silent input

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
        if (silentIn && (eq == null || eqRungOut) && (compressor == null || compressor.canSkipSilence())) {
            if (eq != null) eq.reset();   // its state is below the smallest float already; the full run would underflow to zero too
            if (compressor != null) compressor.skipSilence(n);
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
        if (compressor != null) compressor.process(in, in);
        if (ducker != null && key != null) ducker.process(in, key, in);
        pan(n, ch);
    }

    private static boolean silent(AudioBuffer b, int n, int ch) {
        for (int c = 0; c < ch; c++) if (!SampleScan.isSilent(b.channel(c), n)) return false;
        return true;
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

    double meanCompressionDb() { return compressor == null ? 0 : compressor.meanGainReductionDb(); }

    double meanDuckingDb() { return ducker == null ? 0 : ducker.meanGainReductionDb(); }

    @Override
    public void close() { stream.close(); }
}
