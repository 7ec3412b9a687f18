package dev.groundwork.master.analysis;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.analysis.AudioAnalyzer;
import dev.groundwork.core.audio.AudioBuffer;

/**
 * One streaming pass that gathers everything the mastering decisions need: the shared
 * {@link AudioAnalyzer} (the same report {@code analyze --json} prints) plus what only mastering asks
 * about: silence at the ends, mid/side balance, and the tonal profile of the loudest sections.
 * Feed blocks of any size, then call {@link #result()}.
 */
public final class Analyzer {
    /** Below this a frame counts as silence at the ends (-60 dBFS). */
    static final double SILENCE = 1e-3;

    private final int channels;
    private final double sampleRate;
    private final AudioAnalyzer core;
    private final SpectrumAccumulator spectrum;
    private long frames, firstSound = -1, lastSound = -1;
    private double sumMid, sumSide;

    public Analyzer(int channels, double sampleRate) {
        this(channels, sampleRate, true, true);
    }

    /**
     * @param withTonal    false skips the tonal profile (output checks that only need loudness and peaks)
     * @param withSpectrum false leaves the shared report's band spectrum out (nothing will show it)
     */
    public Analyzer(int channels, double sampleRate, boolean withTonal, boolean withSpectrum) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.core = new AudioAnalyzer(channels, sampleRate, withSpectrum);
        this.spectrum = withTonal ? new SpectrumAccumulator(channels, sampleRate) : null;
    }

    public void add(AudioBuffer block) {
        core.add(block);
        if (spectrum != null) spectrum.add(block);
        int n = block.frames();
        // only the first sounding frame and the last one matter: scan from the front until the first
        // sound, and from the back of each block until its last sound (a few frames for most music)
        int first = 0;
        if (firstSound < 0) {
            while (first < n && !sounds(block, first)) first++;
            if (first < n) firstSound = frames + first;
        }
        if (firstSound >= 0) {
            for (int i = n - 1; i >= first; i--) {
                if (sounds(block, i)) {
                    lastSound = frames + i;
                    break;
                }
            }
        }
        if (channels >= 2) midSideSums(block.channel(0), block.channel(1), n);
        frames += n;
    }

    /** Its own method: the JIT compiles this loop once instead of entering it mid-way inside {@link #add} first. */
    private void midSideSums(float[] l, float[] r, int n) {
        double m = 0, s = 0;
        for (int i = 0; i < n; i++) {
            double a = l[i] + r[i], d = l[i] - r[i];
            m += a * a;
            s += d * d;
        }
        sumMid += m;
        sumSide += s;
    }

    private boolean sounds(AudioBuffer block, int i) {
        for (int c = 0; c < channels; c++) if (Math.abs(block.channel(c)[i]) > SILENCE) return true;
        return false;
    }

    /** The shared analysis (same keys as {@code analyze --json}) with its loudness curves. */
    public Analysis analysis(String name) {
        return core.result(name, null);
    }

    public InputAnalysis result() {
        Analysis analysis = core.result(null, null);
        AnalysisReport r = analysis.report();
        double duration = frames / sampleRate;
        double integrated = nan(r.integratedLufs());
        double lead = firstSound < 0 ? duration : firstSound / sampleRate;
        double trail = lastSound < 0 ? duration : (frames - 1 - lastSound) / sampleRate;
        double sideToMid = channels >= 2 && sumMid > 0 ? 10 * Math.log10(Math.max(sumSide, 1e-30) / sumMid)
                : channels >= 2 && sumSide > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        TonalProfile tonal = spectrum == null ? null : spectrum.profile();
        double bassSide = Double.NEGATIVE_INFINITY;
        if (tonal != null && channels >= 2) {
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
        double sparseness = sparseness(analysis.curves().shortTermLufs(), integrated);
        return new InputAnalysis(sampleRate, channels, duration, integrated, nan(r.loudnessRangeLu()), nan(r.maxShortTermLufs()),
                negInf(r.truePeakDbtp()), negInf(r.samplePeakDbfs()), Double.isFinite(integrated) ? negInf(r.truePeakDbtp()) - integrated : Double.NaN,
                negInf(r.dcOffsetDbfs()), r.clippedSamples(), lead, trail,
                r.stereoCorrelation() == null ? 1 : r.stereoCorrelation(), sideToMid, bassSide,
                spectrum == null ? Double.NaN : spectrum.midShareBelowDb(30), sparseness, tonal, bandDynamics());
    }

    private java.util.List<BandDynamics> bandDynamics() {
        if (spectrum == null) return java.util.List.of();
        double top = Math.min(20_000, sampleRate / 2);
        BandDynamics[] b = {spectrum.bandDynamics("low", 20, InputAnalysis.LOW_CROSSOVER_HZ),
                spectrum.bandDynamics("mid", InputAnalysis.LOW_CROSSOVER_HZ, InputAnalysis.HIGH_CROSSOVER_HZ),
                spectrum.bandDynamics("high", InputAnalysis.HIGH_CROSSOVER_HZ, top)};
        return b[0] == null ? java.util.List.of() : java.util.List.of(b);
    }

    private static double nan(Double v) { return v == null ? Double.NaN : v; }

    /** Peaks and DC of silence are reported as null: they are -infinity dB. */
    private static double negInf(Double v) { return v == null ? Double.NEGATIVE_INFINITY : v; }

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
