package dev.groundwork.core.meter;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.TruePeakOversampler;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * ITU-R BS.1770-4 / EBU R128 meter in the style of libebur128: feed blocks of any size, then query.
 * Loudness values that do not exist (silence) are empty, never a number later code could divide by.
 *
 * <p>How it works: each channel is K-weighted (two biquads, double state) and its squares are summed
 * into 100 ms sub-blocks (boundaries at round(k·fs/10), so any rate works). At the end of each
 * sub-block the channel-weighted energy is stored; the momentary (400 ms) and short-term (3 s)
 * energies are the sums of the last 4 and 30 sub-blocks, one value every 100 ms. Windows reaching
 * before the start count the missing time as silence (as libebur128 does), so the curves ramp up;
 * gating uses complete windows only. The integrated loudness gates all complete 400 ms blocks
 * (75 % overlap) at −70 LUFS and then −10 LU; the loudness range (EBU Tech 3342) gates the complete
 * short-term values, taken at 10 Hz, at −70 LUFS and −20 LU (values at a gate count, as in the
 * Tech 3342 reference code) and takes the 10th to 95th percentile (rank round((n − 1)·p)).
 * All of this is exact: every block energy is kept (two doubles per 100 ms), and the sums run in a
 * fixed order, so any block size gives identical results.
 *
 * <p>Channel order and weights: see {@link ChannelWeights}. A meter is not thread-safe: feed and query
 * it from one thread at a time.
 */
public final class LoudnessMeter {
    /** What to measure; a meter computes only what was asked (true peak is the expensive one). */
    public enum Measure { MOMENTARY, SHORT_TERM, INTEGRATED, LOUDNESS_RANGE, SAMPLE_PEAK, TRUE_PEAK }

    public static final double ABSOLUTE_GATE_LUFS = -70;
    public static final double INTEGRATED_RELATIVE_GATE_LU = -10;
    public static final double RANGE_RELATIVE_GATE_LU = -20;
    public static final double RANGE_LOW_PERCENTILE = 0.10;
    public static final double RANGE_HIGH_PERCENTILE = 0.95;
    /** Time between curve values and gating blocks. */
    public static final double STEP_SECONDS = 0.1;
    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;
    private static final double DENORMAL_FLOOR = 1e-30;

    private final int channels;
    private final double sampleRate;
    private final double[] weights;
    private final Set<Measure> measures;
    private final boolean loudness;
    /** Two channels, both weighted: K-weighted together ({@link #kWeightedSquaresPair}). */
    private final boolean stereo;

    // K-weighting: shelf (b0, b1, b2, a1, a2) then high-pass (1, -2, 1, c1, c2), direct form I.
    private final double b0, b1, b2, a1, a2, c1, c2;
    private final double[] x1, x2, s1, s2, h1, h2;
    private final double[] subBlockSum;

    private long frames;
    private long steps;          // completed 100 ms sub-blocks
    private long stepEnd;        // frame index where the current sub-block ends
    private final double[] recentSteps = new double[SHORT_TERM_STEPS];
    private final EnergyLog momentary = new EnergyLog();
    private final EnergyLog shortTerm = new EnergyLog();
    /** Per channel, the K-weighted sum of squares of every 100 ms sub-block (for per-channel loudness). */
    private final EnergyLog[] channelSteps;

    private final float[] samplePeak;
    private final TruePeakOversampler truePeak;

    /** A meter measuring everything, with the standard weights for 1 to 8 channels. */
    public LoudnessMeter(int channels, double sampleRate) {
        this(channels, sampleRate, EnumSet.allOf(Measure.class));
    }

    public LoudnessMeter(int channels, double sampleRate, Set<Measure> measures) {
        this(sampleRate, ChannelWeights.forChannelCount(channels), measures);
    }

    /** A meter with explicit channel weights (0 excludes a channel, e.g. LFE). */
    public LoudnessMeter(double sampleRate, double[] channelWeights, Set<Measure> measures) {
        this(sampleRate, channelWeights, measures, null);
    }

    /**
     * A meter measuring everything with the standard weights, whose true peak is read by {@code truePeak}: the meter
     * feeds it and reports its {@link TruePeakOversampler#meterPeak} (one pass for this meter's ×4 reading and the
     * ×16 estimate of {@link TruePeakOversampler#accurateWithMeter}). Below 96 kHz only, where the meter reads ×4.
     */
    public LoudnessMeter(int channels, double sampleRate, TruePeakOversampler truePeak) {
        this(sampleRate, ChannelWeights.forChannelCount(channels), EnumSet.allOf(Measure.class), java.util.Objects.requireNonNull(truePeak));
        if (TruePeakOversampler.ratioFor(sampleRate) != 4) throw new IllegalArgumentException("a shared true-peak oversampler reads the meter's ×4 points: below 96 kHz only, not " + sampleRate);
    }

    private LoudnessMeter(double sampleRate, double[] channelWeights, Set<Measure> measures, TruePeakOversampler sharedTruePeak) {
        if (!(sampleRate >= 1000 && sampleRate <= 1_000_000)) {
            throw new IllegalArgumentException("sample rate out of range (1 kHz to 1 MHz): " + sampleRate);
        }
        this.weights = ChannelWeights.validate(channelWeights);
        this.channels = weights.length;
        this.sampleRate = sampleRate;
        this.measures = measures.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(measures);
        this.loudness = this.measures.contains(Measure.MOMENTARY) || this.measures.contains(Measure.SHORT_TERM)
                || this.measures.contains(Measure.INTEGRATED) || this.measures.contains(Measure.LOUDNESS_RANGE);
        Biquad.Coefficients shelf = KWeighting.shelf(sampleRate), hp = KWeighting.highPass(sampleRate);
        b0 = shelf.b0(); b1 = shelf.b1(); b2 = shelf.b2(); a1 = shelf.a1(); a2 = shelf.a2();
        c1 = hp.a1(); c2 = hp.a2();
        x1 = new double[channels]; x2 = new double[channels];
        s1 = new double[channels]; s2 = new double[channels];
        h1 = new double[channels]; h2 = new double[channels];
        subBlockSum = new double[channels];
        stereo = channels == 2 && weights[0] != 0 && weights[1] != 0;
        channelSteps = new EnergyLog[channels];
        for (int c = 0; c < channels; c++) channelSteps[c] = new EnergyLog();
        stepEnd = boundary(1);
        samplePeak = new float[channels];
        truePeak = !this.measures.contains(Measure.TRUE_PEAK) ? null : sharedTruePeak != null ? sharedTruePeak : new TruePeakOversampler(channels, sampleRate);
    }

    public int channels() { return channels; }

    public double sampleRate() { return sampleRate; }

    public long framesProcessed() { return frames; }

    public double durationSeconds() { return frames / sampleRate; }

    public void add(AudioBuffer block) {
        if (block.channels() != channels) {
            throw new IllegalArgumentException("meter has " + channels + " channels, block has " + block.channels());
        }
        if (block.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("meter runs at " + sampleRate + " Hz, block is at " + block.sampleRate() + " Hz");
        }
        int n = block.frames();
        if (n == 0) return;
        if (loudness) {
            int pos = 0;
            while (pos < n) {
                int len = (int) Math.min(n - pos, stepEnd - frames);
                if (stereo) {
                    kWeightedSquaresPair(block.channel(0), block.channel(1), pos, len);
                } else {
                    for (int c = 0; c < channels; c++) {
                        if (weights[c] != 0) kWeightedSquares(c, block.channel(c), pos, len);
                    }
                }
                frames += len;
                pos += len;
                if (frames == stepEnd) finishStep();
            }
        } else {
            frames += n;
        }
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            if (truePeak != null) {
                truePeak.process(c, x, 0, n);
            } else if (measures.contains(Measure.SAMPLE_PEAK)) {
                float m = samplePeak[c];
                for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(x[i]));
                samplePeak[c] = m;
            }
        }
    }

    /** K-weights {@code len} samples of channel {@code c} and adds their squares to its sub-block sum. */
    private void kWeightedSquares(int c, float[] in, int offset, int len) {
        final double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2, c1 = this.c1, c2 = this.c2;
        double x1 = this.x1[c], x2 = this.x2[c], s1 = this.s1[c], s2 = this.s2[c], h1 = this.h1[c], h2 = this.h2[c];
        double sum = subBlockSum[c];
        for (int i = offset, end = offset + len; i < end; i++) {
            double x = in[i];
            // the feedback term goes last, so each recursion waits for one multiply and one add only
            double s = (b0 * x + b1 * x1 + b2 * x2 - a2 * s2) - a1 * s1;
            double h = (s - 2 * s1 + s2 - c2 * h2) - c1 * h1;
            x2 = x1; x1 = x;
            s2 = s1; s1 = s;
            h2 = h1; h1 = h;
            sum += h * h;
        }
        this.x1[c] = x1; this.x2[c] = x2; this.s1[c] = s1; this.s2[c] = s2; this.h1[c] = h1; this.h2[c] = h2;
        subBlockSum[c] = sum;
    }

    /**
     * {@link #kWeightedSquares} for channels 0 and 1 in one loop: the same arithmetic per channel (same sums), with two
     * independent recursions in flight instead of one, which the processor overlaps.
     */
    private void kWeightedSquaresPair(float[] left, float[] right, int offset, int len) {
        final double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2, c1 = this.c1, c2 = this.c2;
        double lx1 = x1[0], lx2 = x2[0], ls1 = s1[0], ls2 = s2[0], lh1 = h1[0], lh2 = h2[0], lsum = subBlockSum[0];
        double rx1 = x1[1], rx2 = x2[1], rs1 = s1[1], rs2 = s2[1], rh1 = h1[1], rh2 = h2[1], rsum = subBlockSum[1];
        for (int i = offset, end = offset + len; i < end; i++) {
            double l = left[i], r = right[i];
            double ls = (b0 * l + b1 * lx1 + b2 * lx2 - a2 * ls2) - a1 * ls1;
            double rs = (b0 * r + b1 * rx1 + b2 * rx2 - a2 * rs2) - a1 * rs1;
            double lh = (ls - 2 * ls1 + ls2 - c2 * lh2) - c1 * lh1;
            double rh = (rs - 2 * rs1 + rs2 - c2 * rh2) - c1 * rh1;
            lx2 = lx1; lx1 = l; ls2 = ls1; ls1 = ls; lh2 = lh1; lh1 = lh;
            rx2 = rx1; rx1 = r; rs2 = rs1; rs1 = rs; rh2 = rh1; rh1 = rh;
            lsum += lh * lh;
            rsum += rh * rh;
        }
        x1[0] = lx1; x2[0] = lx2; s1[0] = ls1; s2[0] = ls2; h1[0] = lh1; h2[0] = lh2; subBlockSum[0] = lsum;
        x1[1] = rx1; x2[1] = rx2; s1[1] = rs1; s2[1] = rs2; h1[1] = rh1; h2[1] = rh2; subBlockSum[1] = rsum;
    }

    private void finishStep() {
        double e = 0;
        for (int c = 0; c < channels; c++) {
            e += weights[c] * subBlockSum[c];
            if (measures.contains(Measure.INTEGRATED)) channelSteps[c].add(subBlockSum[c]);
            subBlockSum[c] = 0;
            flushTinyState(c);
        }
        recentSteps[(int) (steps % SHORT_TERM_STEPS)] = e;
        steps++;
        stepEnd = boundary(steps + 1);
        momentary.add(windowEnergy(MOMENTARY_STEPS));
        shortTerm.add(windowEnergy(SHORT_TERM_STEPS));
    }

    /** Mean weighted square over the last {@code n} sub-blocks; time before the start counts as silence. */
    private double windowEnergy(int n) {
        double sum = 0;
        // before the start k is negative and reads a slot not yet written, a zero: the same sum (0 + x is x) with no
        // branch that only a stream's first second takes (the JIT would recompile add() for the next stream's start)
        for (long k = steps - n; k < steps; k++) sum += recentSteps[(int) ((k + SHORT_TERM_STEPS) % SHORT_TERM_STEPS)];
        return sum / (boundary(steps) - boundary(steps - n));
    }

    /** Frame index where sub-block k starts (negative k: before the stream, for window lengths). */
    private long boundary(long k) {
        // Math.round(v), written as floor(v + 0.5): the same value for every |v| from 1 to 2^51 (v + 0.5 is exact there, and
        // both round half up), and v is 0 or at least 100 here. JDK 17 compiles Math.round with a branch on the sign that
        // a negative k (a window reaching before the start) takes only in a stream's first 3 s; floor is one instruction
        return (long) Math.floor(k * sampleRate * STEP_SECONDS + 0.5);
    }

    /** After long silence the filter state decays into subnormal numbers, which are very slow on most CPUs. */
    private void flushTinyState(int c) {
        if (Math.abs(x1[c]) < DENORMAL_FLOOR) x1[c] = 0;
        if (Math.abs(x2[c]) < DENORMAL_FLOOR) x2[c] = 0;
        if (Math.abs(s1[c]) < DENORMAL_FLOOR) s1[c] = 0;
        if (Math.abs(s2[c]) < DENORMAL_FLOOR) s2[c] = 0;
        if (Math.abs(h1[c]) < DENORMAL_FLOOR) h1[c] = 0;
        if (Math.abs(h2[c]) < DENORMAL_FLOOR) h2[c] = 0;
    }

    // ---- queries ----

    /** Gated integrated loudness (BS.1770-4); empty when no 400 ms block is above −70 LUFS. */
    public OptionalDouble integratedLufs() {
        require(Measure.INTEGRATED);
        return gatedLoudness(momentary, MOMENTARY_STEPS - 1, INTEGRATED_RELATIVE_GATE_LU);
    }

    /**
     * Integrated loudness of one channel on its own, as if it were a mono signal (weight 1), e.g. to
     * compare left and right. Empty for a channel with weight 0 (LFE), which is not K-weighted.
     */
    public OptionalDouble integratedLufs(int channel) {
        require(Measure.INTEGRATED);
        if (weights[channel] == 0) return OptionalDouble.empty();
        EnergyLog steps = channelSteps[channel], blocks = new EnergyLog();
        for (int k = 0; k < steps.size(); k++) {
            double sum = 0;
            for (int i = Math.max(0, k - MOMENTARY_STEPS + 1); i <= k; i++) sum += steps.get(i);
            blocks.add(sum / (boundary(k + 1) - boundary(k + 1 - MOMENTARY_STEPS)));
        }
        return gatedLoudness(blocks, MOMENTARY_STEPS - 1, INTEGRATED_RELATIVE_GATE_LU);
    }

    /** Loudness range (EBU Tech 3342) in LU; empty when no complete 3 s window is above −70 LUFS. */
    public OptionalDouble loudnessRangeLu() {
        require(Measure.LOUDNESS_RANGE);
        double[] e = shortTerm.copyFrom(SHORT_TERM_STEPS - 1);
        double absolute = lufsToEnergy(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (double v : e) {
            if (v >= absolute) { sum += v; n++; }
        }
        if (n == 0) return OptionalDouble.empty();
        double relative = sum / n * Math.pow(10, RANGE_RELATIVE_GATE_LU / 10);
        double threshold = Math.max(absolute, relative);
        int kept = 0;
        for (double v : e) if (v >= threshold) e[kept++] = v;
        if (kept == 0) return OptionalDouble.empty();
        Arrays.sort(e, 0, kept);
        return OptionalDouble.of(energyToLufs(percentile(e, kept, RANGE_HIGH_PERCENTILE))
                - energyToLufs(percentile(e, kept, RANGE_LOW_PERCENTILE)));
    }

    public OptionalDouble maxMomentaryLufs() {
        require(Measure.MOMENTARY);
        return max(momentary);
    }

    public OptionalDouble maxShortTermLufs() {
        require(Measure.SHORT_TERM);
        return max(shortTerm);
    }

    /** Momentary loudness at the last completed 100 ms step; empty before the first step or in silence. */
    public OptionalDouble momentaryLufs() {
        require(Measure.MOMENTARY);
        return last(momentary);
    }

    /** Short-term loudness at the last completed 100 ms step; empty before the first step or in silence. */
    public OptionalDouble shortTermLufs() {
        require(Measure.SHORT_TERM);
        return last(shortTerm);
    }

    /**
     * Short-term loudness every 100 ms (NaN-free: silence is -infinity), for plots and jobs.
     * Value i covers the 3 s ending at (i + 1) × 100 ms.
     */
    public double[] shortTermCurveLufs() {
        require(Measure.SHORT_TERM);
        return curve(shortTerm);
    }

    /** Momentary loudness every 100 ms; value i covers the 400 ms ending at (i + 1) × 100 ms. */
    public double[] momentaryCurveLufs() {
        require(Measure.MOMENTARY);
        return curve(momentary);
    }

    /** Maximum true peak over all channels in dBTP; -infinity for digital silence. */
    public double truePeakDbtp() {
        require(Measure.TRUE_PEAK);
        double m = 0;
        for (int c = 0; c < channels; c++) m = Math.max(m, truePeakLinear(c));
        return linearToDb(m);
    }

    public double truePeakDbtp(int channel) {
        require(Measure.TRUE_PEAK);
        return linearToDb(truePeakLinear(channel));
    }

    public double samplePeakDbfs() {
        requireAny(Measure.SAMPLE_PEAK);
        double m = 0;
        for (int c = 0; c < channels; c++) m = Math.max(m, samplePeakLinear(c));
        return linearToDb(m);
    }

    public double samplePeakDbfs(int channel) {
        requireAny(Measure.SAMPLE_PEAK);
        return linearToDb(samplePeakLinear(channel));
    }

    private double truePeakLinear(int channel) {
        return truePeak.meterPeak(channel);
    }

    private double samplePeakLinear(int channel) {
        return truePeak != null ? truePeak.samplePeak(channel) : samplePeak[channel];
    }

    private static OptionalDouble gatedLoudness(EnergyLog log, int first, double relativeGateLu) {
        double absolute = lufsToEnergy(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        long n = 0;
        for (int i = first; i < log.size(); i++) {
            double v = log.get(i);
            if (v > absolute) { sum += v; n++; }
        }
        if (n == 0) return OptionalDouble.empty();
        double threshold = Math.max(absolute, sum / n * Math.pow(10, relativeGateLu / 10));
        double gated = 0;
        long m = 0;
        for (int i = first; i < log.size(); i++) {
            double v = log.get(i);
            if (v > threshold) { gated += v; m++; }
        }
        return m == 0 ? OptionalDouble.empty() : OptionalDouble.of(energyToLufs(gated / m));
    }

    /** The value at rank round((n − 1)·p) of sorted[0..n-1], as in the Tech 3342 reference code. */
    private static double percentile(double[] sorted, int n, double p) {
        return sorted[(int) Math.round((n - 1) * p)];
    }

    private static OptionalDouble max(EnergyLog log) {
        double m = 0;
        for (int i = 0; i < log.size(); i++) m = Math.max(m, log.get(i));
        return m > 0 ? OptionalDouble.of(energyToLufs(m)) : OptionalDouble.empty();
    }

    private static OptionalDouble last(EnergyLog log) {
        if (log.size() == 0) return OptionalDouble.empty();
        double e = log.get(log.size() - 1);
        return e > 0 ? OptionalDouble.of(energyToLufs(e)) : OptionalDouble.empty();
    }

    private static double[] curve(EnergyLog log) {
        double[] c = log.copyFrom(0);
        for (int i = 0; i < c.length; i++) c[i] = energyToLufs(c[i]);
        return c;
    }

    private void require(Measure m) {
        if (!measures.contains(m)) throw new IllegalStateException("this meter was not asked to measure " + m);
    }

    private void requireAny(Measure m) {
        if (!measures.contains(m) && truePeak == null) throw new IllegalStateException("this meter was not asked to measure " + m);
    }

    /** BS.1770 loudness of a weighted mean square: −0.691 + 10·log10(e); −∞ for 0. */
    public static double energyToLufs(double energy) {
        return energy > 0 ? -0.691 + 10 * Math.log10(energy) : Double.NEGATIVE_INFINITY;
    }

    public static double lufsToEnergy(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    static double linearToDb(double linear) {
        return linear > 0 ? 20 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }
}
