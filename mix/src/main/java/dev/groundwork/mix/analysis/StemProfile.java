package dev.groundwork.mix.analysis;

/**
 * The full analysis of a stem: the summary that goes into the plan plus the curves the planner needs
 * (power spectrum, third-octave bands, short-term levels), which stay in memory and never in a plan.
 *
 * @param bandPower         power per third-octave band ({@link Bands}), power-weighted over the whole stem
 * @param spectrum          average power per FFT bin (bin width {@code binHz})
 * @param shortLevelsDb     RMS level of consecutive 46 ms windows, dBFS (-infinity for digital silence)
 * @param peakLevelsDb      sample peak of the same windows, dBFS
 * @param medianOnsetGapSeconds median time between onsets (NaN with fewer than two)
 * @param envelope          the stem as a compressor sees it, every 2.9 ms (the planner sets make-up gain from it)
 * @param onsets            its onset curve (core's {@link dev.groundwork.core.analysis.OnsetEnvelope}): the onsets above and the tempo come from it
 * @param frames            the analysed spectral frames in time order, for the masking between stems (null when not measured)
 */
public record StemProfile(StemAnalysis summary, double[] bandPower, double[] spectrum, double binHz,
                          float[] shortLevelsDb, float[] peakLevelsDb, double medianOnsetGapSeconds, Envelope envelope,
                          OnsetCurve onsets, Frames frames) {
    public StemProfile {
        java.util.Objects.requireNonNull(envelope, "envelope");
    }

    /** A profile without spectral frames (the masking rule then leaves the stem alone). */
    public StemProfile(StemAnalysis summary, double[] bandPower, double[] spectrum, double binHz,
                       float[] shortLevelsDb, float[] peakLevelsDb, double medianOnsetGapSeconds, Envelope envelope, OnsetCurve onsets) {
        this(summary, bandPower, spectrum, binHz, shortLevelsDb, peakLevelsDb, medianOnsetGapSeconds, envelope, onsets, null);
    }

    /**
     * The analysed frames (one every {@code hopSeconds} from the stem's start; the analyser takes every other FFT
     * frame): each frame's K-weighted loudness (LUFS, -infinity when silent) and its power per third-octave band
     * ({@link Bands}; {@code bandPower[frame * Bands.COUNT + band]}, mean square per sample like the loudness).
     * About 150 kB for four minutes at 44.1 kHz.
     */
    public record Frames(double hopSeconds, float[] loudnessLufs, float[] bandPower) {
        public int count() { return loudnessLufs.length; }
    }

    /**
     * Per hop of {@code hopSeconds}: the mean square of the louder channel (what a linked RMS detector
     * integrates) and the mean energy of all channels (what the loudness adds up; unweighted: K-weighting it changed the make-up
     * by under 0.1 dB on the bench songs but cost a filter pass per sample). Two floats per hop: about
     * 660 kB for four minutes at 44.1 kHz. {@code midPeak} is the sample peak of the mid signal (L + R) / 2 (the
     * channel itself for mono) per hop: what a sidechain keyed from this stem's strip hears (null when not measured).
     */
    public record Envelope(double hopSeconds, float[] detectorMeanSquare, float[] energy, float[] midPeak) {
        public Envelope(double hopSeconds, float[] detectorMeanSquare, float[] energy) {
            this(hopSeconds, detectorMeanSquare, energy, null);
        }
    }

    /** Band levels in dB relative to the stem's total power. */
    public double[] bandLevelsDb() {
        double total = 0;
        for (double p : bandPower) total += p;
        double[] db = new double[bandPower.length];
        for (int i = 0; i < db.length; i++) db[i] = total > 0 && bandPower[i] > 0 ? 10 * Math.log10(bandPower[i] / total) : -200;
        return db;
    }
}
