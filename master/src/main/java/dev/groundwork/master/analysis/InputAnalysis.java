package dev.groundwork.master.analysis;

/**
 * What the mastering decisions rest on: loudness and peaks (BS.1770, from core.analysis), the things that
 * can be wrong with a file (clipping, DC, silence at the ends, fake stereo), stereo correlation and the
 * tonal balance of its loudest sections, and the short-term dynamics of three bands (for the multiband stage). Loudness values that do not exist are NaN (written as null).
 */
public record InputAnalysis(
        double sampleRate, int channels, double durationS,
        double integratedLufs, double loudnessRangeLu, double maxShortTermLufs,
        double truePeakDbtp, double samplePeakDbfs, double plrDb,
        double dcOffsetDbfs, long clippedSamples,
        double leadingSilenceS, double trailingSilenceS,
        double correlation, double sideToMidDb, double bassSideToMidDb,
        double subsonicShareDb, double sparseness,
        TonalProfile tonal, java.util.List<BandDynamics> bandDynamics) {
    /** Crossovers of the multiband split (Hz): low | mid | high. */
    public static final double LOW_CROSSOVER_HZ = 120, HIGH_CROSSOVER_HZ = 2500;

    public InputAnalysis {
        bandDynamics = bandDynamics == null ? java.util.List.of() : java.util.List.copyOf(bandDynamics);
    }


    public boolean hasLoudness() { return Double.isFinite(integratedLufs); }
}
