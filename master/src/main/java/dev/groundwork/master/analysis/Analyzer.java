package dev.groundwork.master.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.meter.LoudnessMeter;

/**
 * One streaming pass over the input that gathers everything the mastering decisions need.
 * Feed blocks of any size, then call {@link #result()}.
 */
public final class Analyzer {
    /** Below this a frame counts as silence at the ends (-60 dBFS). */
    static final double SILENCE = 1e-3;
    /** Consecutive samples at full scale that count as a clipped run. */
    static final int CLIP_RUN = 3;
    static final float CLIP_LEVEL = 0.9995f;

    private final int channels;
    private final double sampleRate;
    private final LoudnessMeter meter;
    private final SpectrumAccumulator spectrum;
    private final double[] dcSum;
    private final int[] clipRun;
    private long clippedRuns;
    private long frames, firstSound = -1, lastSound = -1;
    private double sumLL, sumRR, sumLR;

    public Analyzer(int channels, double sampleRate) {
        this(channels, sampleRate, true);
    }

    /** @param withSpectrum false skips the tonal profile (output checks that only need loudness and peaks) */
    public Analyzer(int channels, double sampleRate, boolean withSpectrum) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.meter = new LoudnessMeter(channels, sampleRate);
        this.spectrum = withSpectrum ? new SpectrumAccumulator(channels, sampleRate) : null;
        this.dcSum = new double[channels];
        this.clipRun = new int[channels];
    }

    public void add(AudioBuffer block) {
        meter.add(block);
        if (spectrum != null) spectrum.add(block);
        int n = block.frames();
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            double s = 0;
            int run = clipRun[c];
            for (int i = 0; i < n; i++) {
                float v = x[i];
                s += v;
                if (Math.abs(v) >= CLIP_LEVEL) {
                    if (++run == CLIP_RUN) clippedRuns++;
                } else run = 0;
            }
            clipRun[c] = run;
            dcSum[c] += s;
        }
        for (int i = 0; i < n; i++) {
            boolean sound = false;
            for (int c = 0; c < channels; c++) if (Math.abs(block.channel(c)[i]) > SILENCE) { sound = true; break; }
            if (sound) {
                if (firstSound < 0) firstSound = frames + i;
                lastSound = frames + i;
            }
        }
        if (channels >= 2) {
            float[] l = block.channel(0), r = block.channel(1);
            double ll = 0, rr = 0, lr = 0;
            for (int i = 0; i < n; i++) {
                ll += l[i] * l[i];
                rr += r[i] * r[i];
                lr += l[i] * r[i];
            }
            sumLL += ll;
            sumRR += rr;
            sumLR += lr;
        }
        frames += n;
    }

    public LoudnessMeter meter() { return meter; }

    public InputAnalysis result() {
        double duration = frames / sampleRate;
        double integrated = meter.integratedLufs().orElse(Double.NaN);
        double lra = meter.loudnessRangeLu().orElse(Double.NaN);
        double maxSt = meter.maxShortTermLufs().orElse(Double.NaN);
        double tp = meter.truePeakDbtp(), sp = meter.samplePeakDbfs();
        double[] dc = new double[channels];
        for (int c = 0; c < channels; c++) dc[c] = frames == 0 ? 0 : dcSum[c] / frames;
        double lead = firstSound < 0 ? duration : firstSound / sampleRate;
        double trail = lastSound < 0 ? duration : (frames - 1 - lastSound) / sampleRate;
        double corr = 1, sideToMid = Double.NEGATIVE_INFINITY;
        if (channels >= 2 && sumLL > 0 && sumRR > 0) {
            corr = sumLR / Math.sqrt(sumLL * sumRR);
            double midE = (sumLL + sumRR + 2 * sumLR) / 4, sideE = Math.max(0, (sumLL + sumRR - 2 * sumLR) / 4);
            sideToMid = midE > 0 ? 10 * Math.log10(Math.max(sideE, 1e-30) / midE) : Double.POSITIVE_INFINITY;
        }
        TonalProfile tonal = spectrum == null ? null : spectrum.profile();
        double bassSide = Double.NEGATIVE_INFINITY;
        if (tonal != null && channels >= 2) {
            // energy-average the side/mid ratio over 40..120 Hz
            double s = 0;
            int k = 0;
            for (int b = 0; b < tonal.bandHz().length; b++) {
                if (tonal.bandHz()[b] >= 40 && tonal.bandHz()[b] <= 125) {
                    s += Math.pow(10, tonal.sideMinusMidDb()[b] / 10);
                    k++;
                }
            }
            bassSide = 10 * Math.log10(Math.max(s / k, 1e-30));
        }
        double sparseness = sparseness(meter.shortTermCurveLufs(), integrated);
        return new InputAnalysis(sampleRate, channels, duration, integrated, lra, maxSt, tp, sp,
                Double.isFinite(integrated) ? tp - integrated : Double.NaN, dc, clippedRuns, lead, trail,
                corr, sideToMid, bassSide, spectrum == null ? Double.NaN : spectrum.midShareBelowDb(30), sparseness, tonal);
    }

    /**
     * Share of the sounding time (short-term above -70 LUFS) spent more than 10 LU below the integrated
     * loudness: high for sparse material (solo instruments, breaks), where compression would pump.
     */
    static double sparseness(double[] shortTerm, double integrated) {
        if (!Double.isFinite(integrated)) return 1;
        int sounding = 0, quiet = 0;
        for (double v : shortTerm) {
            if (v > -70) {
                sounding++;
                if (v < integrated - 10) quiet++;
            }
        }
        return sounding == 0 ? 1 : (double) quiet / sounding;
    }
}
