package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.TruePeakLimiter;
import dev.groundwork.core.meter.ChannelWeights;
import dev.groundwork.core.meter.KWeighting;
import dev.groundwork.core.meter.LoudnessMeter;

import java.util.Arrays;

/**
 * Predicts the integrated loudness of gain → true-peak limiter for any gain without rendering audio.
 *
 * <p>While the pre-limiter audio streams by once, it keeps two numbers per chunk of {@link #chunk}
 * frames (about 0.2 ms): the largest inter-sample peak the limiter will see, and the sum of the
 * channel-weighted K-weighted power. For a trial gain g the limiter's gain envelope is recomputed at
 * chunk rate from g·peak (same algorithm, time constants scaled), and the output power is taken as
 * a²·g²·power — exact for a constant gain, close for the slowly moving limiter gain. BS.1770 gating then
 * runs on 100 ms sums as in the meter. This is a few megabytes for a long song and a prediction takes
 * milliseconds; the final render is measured by the real meter, the model only has to bring the solve close.
 */
public final class LoudnessModel {
    private final double sampleRate;
    private final int channels;
    private final int chunk;
    private final double[] weights;
    /** K-weighting coefficients: shelf (s*) then high-pass (h*), as the meter's two biquads. */
    private final double sb0, sb1, sb2, sa1, sa2, hb0, hb1, hb2, ha1, ha2;
    /** Per-channel filter states (transposed direct form II), whether the channel is filtered alone or in a pair. */
    private final double[] sState1, sState2, hState1, hState2;
    private final TruePeakLimiter.PeakDetector detector;
    private double[] power = new double[0];
    private float[] peaks = new float[0];
    // small at first: the growth branch is taken early, while the code is still profiled, so the
    // compiled loop keeps it (a branch first taken after compilation costs a recompile of the hot loop)
    private float[] chunkPeak = new float[1 << 8], chunkPower = new float[1 << 8];
    private int chunks;
    private int fill;
    private float curPeak;
    private double curPower;
    private long frames;
    // the detector reports peaks DELAY frames late: powers wait in a small ring to stay aligned
    private final double[] powerRing = new double[TruePeakLimiter.PeakDetector.DELAY];
    private long pushed;
    private int ringPos;
    /** The powers aligned with the peaks of the block being added: the ring, then the block's own. */
    private double[] aligned = new double[0];

    /** @param peakFloor peaks below this are not interpolated (see PeakDetector): ceiling / largest gain tried. */
    public LoudnessModel(int channels, double sampleRate, double peakFloor) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.chunk = Math.max(4, (int) Math.round(sampleRate / 5512.5));
        this.weights = ChannelWeights.forChannelCount(channels);
        Biquad.Coefficients sh = KWeighting.shelf(sampleRate), hp = KWeighting.highPass(sampleRate);
        sb0 = sh.b0(); sb1 = sh.b1(); sb2 = sh.b2(); sa1 = sh.a1(); sa2 = sh.a2();
        hb0 = hp.b0(); hb1 = hp.b1(); hb2 = hp.b2(); ha1 = hp.a1(); ha2 = hp.a2();
        this.sState1 = new double[channels];
        this.sState2 = new double[channels];
        this.hState1 = new double[channels];
        this.hState2 = new double[channels];
        this.detector = new TruePeakLimiter.PeakDetector(channels, peakFloor);
    }

    /** Records a block of pre-limiter audio. */
    public void add(AudioBuffer block) {
        int n = block.frames();
        if (power.length < n) {
            power = new double[n];
            peaks = new float[n];
        }
        Arrays.fill(power, 0, n, 0);
        int c = 0;
        // two channels at a time: four independent filter recursions in one loop keep the processor busy
        for (; c + 1 < channels; c += 2) {
            if (weights[c] == 0 || weights[c + 1] == 0) {
                kWeightedPower(c, block.channel(c), n);
                kWeightedPower(c + 1, block.channel(c + 1), n);
            } else {
                kWeightedPowerPair(c, block.channel(c), block.channel(c + 1), n);
            }
        }
        if (c < channels) kWeightedPower(c, block.channel(c), n);
        detector.process(block.data(), n, peaks);
        frames += n;
        pushAll(n);
    }

    /**
     * Pairs each of the {@code n} peaks just out of the detector with the power of its frame, pushed {@link
     * TruePeakLimiter.PeakDetector#DELAY} frames earlier (the ring holds the last ones), and adds them to the chunks. The
     * stream's first DELAY peaks belong to no frame and are dropped. Whole arrays, not a call per frame: the same sums.
     */
    private void pushAll(int n) {
        final int delay = powerRing.length;
        if (aligned.length < delay + n) aligned = new double[delay + n];
        // the ring in order (oldest first), then this block's powers: frame i's power is aligned[i], the new ring the last DELAY
        System.arraycopy(powerRing, ringPos, aligned, 0, delay - ringPos);
        System.arraycopy(powerRing, 0, aligned, delay - ringPos, ringPos);
        System.arraycopy(power, 0, aligned, delay, n);
        System.arraycopy(aligned, n, powerRing, 0, delay);
        ringPos = 0;
        int skip = (int) Math.max(0, Math.min(n, delay - pushed));
        pushed += n;
        accumulate(skip, n);
    }

    /** Adds frames from..n (peaks[i], aligned[i]) to the chunks. */
    private void accumulate(int from, int n) {
        final float[] pk = peaks;
        final double[] pw = aligned;
        for (int i = from; i < n; i++) {
            if (pk[i] > curPeak) curPeak = pk[i];
            curPower += pw[i];
            if (++fill == chunk) closeChunk();
        }
    }

    /** Adds weight · (K-weighted sample)² of one channel to {@code power} (same arithmetic as the meter's two biquads). */
    private void kWeightedPower(int c, float[] x, int n) {
        if (weights[c] == 0) return;
        final double w = weights[c];
        double p1 = sState1[c], p2 = sState2[c], q1 = hState1[c], q2 = hState2[c];
        for (int i = 0; i < n; i++) {
            double a = x[i];
            double ya = sb0 * a + p1;
            p1 = sb1 * a - sa1 * ya + p2;
            p2 = sb2 * a - sa2 * ya;
            double za = hb0 * ya + q1;
            q1 = hb1 * ya - ha1 * za + q2;
            q2 = hb2 * ya - ha2 * za;
            power[i] += w * za * za;
        }
        sState1[c] = p1; sState2[c] = p2; hState1[c] = q1; hState2[c] = q2;
    }

    /** {@link #kWeightedPower} for channels c and c + 1 in one pass; bit-identical results. */
    private void kWeightedPowerPair(int c, float[] x0, float[] x1, int n) {
        final double sb0 = this.sb0, sb1 = this.sb1, sb2 = this.sb2, sa1 = this.sa1, sa2 = this.sa2;
        final double hb0 = this.hb0, hb1 = this.hb1, hb2 = this.hb2, ha1 = this.ha1, ha2 = this.ha2;
        final double w0 = weights[c], w1 = weights[c + 1];
        double p1 = sState1[c], p2 = sState2[c], q1 = hState1[c], q2 = hState2[c];
        double r1 = sState1[c + 1], r2 = sState2[c + 1], u1 = hState1[c + 1], u2 = hState2[c + 1];
        for (int i = 0; i < n; i++) {
            double a = x0[i], b = x1[i];
            double ya = sb0 * a + p1;
            p1 = sb1 * a - sa1 * ya + p2;
            p2 = sb2 * a - sa2 * ya;
            double yb = sb0 * b + r1;
            r1 = sb1 * b - sa1 * yb + r2;
            r2 = sb2 * b - sa2 * yb;
            double za = hb0 * ya + q1;
            q1 = hb1 * ya - ha1 * za + q2;
            q2 = hb2 * ya - ha2 * za;
            double zb = hb0 * yb + u1;
            u1 = hb1 * yb - ha1 * zb + u2;
            u2 = hb2 * yb - ha2 * zb;
            power[i] = power[i] + w0 * za * za + w1 * zb * zb;
        }
        sState1[c] = p1; sState2[c] = p2; hState1[c] = q1; hState2[c] = q2;
        sState1[c + 1] = r1; sState2[c + 1] = r2; hState1[c + 1] = u1; hState2[c + 1] = u2;
    }

    private void closeChunk() {
        if (chunks == chunkPeak.length) {
            chunkPeak = Arrays.copyOf(chunkPeak, chunks * 2);
            chunkPower = Arrays.copyOf(chunkPower, chunks * 2);
        }
        chunkPeak[chunks] = curPeak;
        chunkPower[chunks] = (float) curPower;
        chunks++;
        fill = 0;
        curPeak = 0;
        curPower = 0;
    }

    /** Call once after the last block: flushes the detector's delay. */
    public void finish() {
        int delay = TruePeakLimiter.PeakDetector.DELAY;
        if (power.length < delay) {
            power = new double[delay];
            peaks = new float[delay];
        }
        detector.process(new float[channels][delay], delay, peaks);
        Arrays.fill(power, 0, delay, 0);
        pushAll(delay);
        if (fill > 0) closeChunk();
    }

    public long frames() { return frames; }

    /** Prediction for one gain: integrated loudness (NaN if none) and the limiter's deepest reduction. */
    public record Prediction(double gainDb, double integratedLufs, double maxGainReductionDb) { }

    /** @param limiter null predicts plain gain (no limiting) */
    public Prediction predict(double gainDb, TruePeakLimiter.Settings limiter) {
        double g = Math.pow(10, gainDb / 20);
        int steps = (int) (frames / (sampleRate * LoudnessMeter.STEP_SECONDS)) + 1;
        double[] stepEnergy = new double[steps + 1];
        double stepFrames = sampleRate * LoudnessMeter.STEP_SECONDS;
        double maxReductionDb = 0;
        if (limiter == null) {
            for (int i = 0; i < chunks; i++) addStep(stepEnergy, i, 1, stepFrames);
        } else {
            int look = Math.max(1, (int) Math.round(TruePeakLimiter.lookaheadFrames(limiter, sampleRate) / (double) chunk));
            double release = 1 - Math.exp(-chunk / (limiter.releaseMs() * 1e-3 * sampleRate));
            TruePeakLimiter.GainEnvelope env = new TruePeakLimiter.GainEnvelope(limiter.ceilingLinear(), look, release);
            limitedEnergy(env, look, g, stepEnergy, stepFrames);
            maxReductionDb = env.statistics().maxGainReductionDb();
        }
        double g2 = g * g;
        int complete = (int) Math.floor(frames / stepFrames + 1e-9);
        for (int s = 0; s < complete; s++) stepEnergy[s] *= g2;
        return new Prediction(gainDb, gated(stepEnergy, complete), maxReductionDb);
    }

    /**
     * Adds each chunk's power under the limiter's gain at chunk rate. The same sequence as one loop over chunks + look
     * pushes, split so no loop holds a branch that flips once, and apart from {@link #predict}, whose plain-gain call
     * comes first (the compiler would throw away code built for one case when the other arrives).
     */
    private void limitedEnergy(TruePeakLimiter.GainEnvelope env, int look, double g, double[] stepEnergy, double stepFrames) {
        int i = 0;
        for (; i < look; i++) env.push(i < chunks ? chunkPeak[i] * g : 0);
        for (; i < chunks; i++) addStep(stepEnergy, i - look, env.push(chunkPeak[i] * g), stepFrames);
        for (; i < chunks + look; i++) addStep(stepEnergy, i - look, env.push(0), stepFrames);
    }

    private void addStep(double[] stepEnergy, int c, double a, double stepFrames) {
        int step = (int) (c * (double) chunk / stepFrames);
        if (step < stepEnergy.length) stepEnergy[step] += a * a * chunkPower[c];
    }

    private long boundary(long k) {
        return Math.round(k * sampleRate * LoudnessMeter.STEP_SECONDS);
    }

    /** BS.1770 integrated loudness from complete 100 ms sub-block energies. */
    private double gated(double[] stepEnergy, int steps) {
        int blocks = steps - 3;
        if (blocks < 1) return Double.NaN;
        double[] e = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = stepEnergy[b] + stepEnergy[b + 1] + stepEnergy[b + 2] + stepEnergy[b + 3];
            e[b] = s / (boundary(b + 4) - boundary(b));
        }
        double abs = LoudnessMeter.lufsToEnergy(LoudnessMeter.ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double v : e) if (v > abs) { sum += v; count++; }
        if (count == 0) return Double.NaN;
        double gate = Math.max(abs, sum / count * Math.pow(10, LoudnessMeter.INTEGRATED_RELATIVE_GATE_LU / 10));
        sum = 0;
        count = 0;
        for (double v : e) if (v > gate) { sum += v; count++; }
        return count == 0 ? Double.NaN : LoudnessMeter.energyToLufs(sum / count);
    }
}
