package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.Objects;

/**
 * Three-band compressor on phase-coherent Linkwitz-Riley crossovers (4th order, 24 dB/oct). The low band passes
 * through the high crossover's all-pass, so low + mid + high sum to an all-pass of the input: with no band
 * compressing the output has the input's magnitude response exactly (only the phase turns, as any LR crossover).
 * Each band has its own stereo-linked {@link Compressor}; the latency is zero.
 */
public final class MultibandCompressor implements Processor {
    public record Settings(double lowCrossoverHz, double highCrossoverHz, Compressor.Settings low, Compressor.Settings mid,
                           Compressor.Settings high) {
        public Settings {
            Objects.requireNonNull(low, "low band");
            Objects.requireNonNull(mid, "mid band");
            Objects.requireNonNull(high, "high band");
            if (!(lowCrossoverHz >= 40 && lowCrossoverHz <= 1000)) throw new IllegalArgumentException("low crossover must be 40..1000 Hz, not " + lowCrossoverHz);
            if (!(highCrossoverHz >= 2 * lowCrossoverHz && highCrossoverHz <= 16000))
                throw new IllegalArgumentException("high crossover must be 2x the low one .. 16000 Hz, not " + highCrossoverHz);
        }
    }

    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private final Settings settings;
    private final Compressor low, mid, high;
    private BiquadCascade lowPass, highPass, lowAllPass, midLowPass, highHighPass;
    private AudioBuffer lowBand, midBand;

    public MultibandCompressor(Settings settings) {
        this.settings = settings;
        this.low = new Compressor(settings.low());
        this.mid = new Compressor(settings.mid());
        this.high = new Compressor(settings.high());
    }

    public Settings settings() { return settings; }

    @Override
    public void prepare(ProcessSpec spec) {
        double fs = spec.sampleRate();
        double f1 = settings.lowCrossoverHz(), f2 = Math.min(settings.highCrossoverHz(), 0.45 * fs);
        int ch = spec.channels();
        lowPass = linkwitzRiley(BiquadDesign.lowPass(fs, f1, BUTTERWORTH_Q), ch);
        highPass = linkwitzRiley(BiquadDesign.highPass(fs, f1, BUTTERWORTH_Q), ch);
        midLowPass = linkwitzRiley(BiquadDesign.lowPass(fs, f2, BUTTERWORTH_Q), ch);
        highHighPass = linkwitzRiley(BiquadDesign.highPass(fs, f2, BUTTERWORTH_Q), ch);
        lowAllPass = new BiquadCascade(new Biquad.Coefficients[]{allPass(fs, f2, BUTTERWORTH_Q)}, ch);
        lowBand = AudioBuffer.allocate(ch, spec.maxBlockFrames(), fs);
        midBand = AudioBuffer.allocate(ch, spec.maxBlockFrames(), fs);
        low.prepare(spec);
        mid.prepare(spec);
        high.prepare(spec);
    }

    /** LR4 = the same 2nd-order Butterworth section twice. */
    private static BiquadCascade linkwitzRiley(Biquad.Coefficients c, int channels) {
        return new BiquadCascade(new Biquad.Coefficients[]{c, c}, channels);
    }

    /** 2nd-order all-pass: the sum of an LR4 low- and high-pass at the same frequency. */
    static Biquad.Coefficients allPass(double fs, double f0, double q) {
        double w = 2 * Math.PI * f0 / fs, cos = Math.cos(w), alpha = Math.sin(w) / (2 * q), a0 = 1 + alpha;
        return new Biquad.Coefficients((1 - alpha) / a0, -2 * cos / a0, (1 + alpha) / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    @Override
    public void reset() {
        for (BiquadCascade f : new BiquadCascade[]{lowPass, highPass, lowAllPass, midLowPass, highHighPass}) if (f != null) f.reset();
        low.reset();
        mid.reset();
        high.reset();
    }

    @Override
    public void process(AudioBuffer in, AudioBuffer out) {
        int n = in.frames();
        lowBand.setFrames(n);
        midBand.setFrames(n);
        for (int c = 0; c < in.channels(); c++) {
            float[] x = in.channel(c), lo = lowBand.channel(c), md = midBand.channel(c), y = out.channel(c);
            System.arraycopy(x, 0, lo, 0, n);
            if (y != x) System.arraycopy(x, 0, y, 0, n);
            lowPass.process(c, lo, 0, n);
            lowAllPass.process(c, lo, 0, n);
            highPass.process(c, y, 0, n);           // y: everything above the low crossover
            System.arraycopy(y, 0, md, 0, n);
            midLowPass.process(c, md, 0, n);
            highHighPass.process(c, y, 0, n);       // y: the high band
        }
        out.setFrames(n);
        low.process(lowBand, lowBand);
        mid.process(midBand, midBand);
        high.process(out, out);
        for (int c = 0; c < in.channels(); c++) {
            float[] lo = lowBand.channel(c), md = midBand.channel(c), y = out.channel(c);
            for (int i = 0; i < n; i++) y[i] += lo[i] + md[i];
        }
    }

    @Override
    public int latencyFrames() { return 0; }

    /** Largest gain reduction so far per band (low, mid, high), dB. */
    public double[] maxGainReductionDb() {
        return new double[]{low.maxGainReductionDb(), mid.maxGainReductionDb(), high.maxGainReductionDb()};
    }
}
