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
 */
public record StemProfile(StemAnalysis summary, double[] bandPower, double[] spectrum, double binHz,
                          float[] shortLevelsDb, float[] peakLevelsDb, double medianOnsetGapSeconds) {

    /** Band levels in dB relative to the stem's total power. */
    public double[] bandLevelsDb() {
        double total = 0;
        for (double p : bandPower) total += p;
        double[] db = new double[bandPower.length];
        for (int i = 0; i < db.length; i++) db[i] = total > 0 && bandPower[i] > 0 ? 10 * Math.log10(bandPower[i] / total) : -200;
        return db;
    }
}
