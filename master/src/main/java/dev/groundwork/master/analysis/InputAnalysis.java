package dev.groundwork.master.analysis;

/**
 * What the mastering decisions rest on: loudness and peaks (BS.1770, from core.analysis), the things that
 * can be wrong with a file (clipping, DC, silence at the ends, fake stereo), stereo correlation and the
 * tonal balance of its loudest sections. Loudness values that do not exist are NaN (written as null).
 */
public record InputAnalysis(
        double sampleRate, int channels, double durationS,
        double integratedLufs, double loudnessRangeLu, double maxShortTermLufs,
        double truePeakDbtp, double samplePeakDbfs, double plrDb,
        double dcOffsetDbfs, long clippedSamples,
        double leadingSilenceS, double trailingSilenceS,
        double correlation, double sideToMidDb, double bassSideToMidDb,
        double subsonicShareDb, double sparseness,
        TonalProfile tonal) {

    public boolean hasLoudness() { return Double.isFinite(integratedLufs); }
}
