package dev.groundwork.core.analysis;

import java.util.List;

/**
 * Everything {@code groundwork analyze --json} prints about one file; the mastering and mixing jobs put
 * the same record in their reports. Levels that do not exist are {@code null} (boxed fields: no
 * integrated loudness for silence, no correlation for mono) or −infinity (peaks, RMS, DC of silence);
 * both are written as JSON null.
 *
 * <ul>
 *   <li>{@code dcOffsetDbfs}: the largest |mean| of any channel, in dBFS.</li>
 *   <li>{@code clippedSamples}: samples in runs of ≥ 2 consecutive samples at |x| ≥ 0.999 (all channels).</li>
 *   <li>{@code stereoCorrelation}: correlation of channels 1 and 2 about zero (+1 mono-compatible, −1 out of phase).</li>
 *   <li>{@code rmsDbfs}: RMS of all channels, 10·log10(mean square): a full-scale sine reads −3.01.</li>
 *   <li>{@code crestFactorDb}: sample peak over RMS (all channels), in dB.</li>
 *   <li>{@code spectrum}: long-term third-octave levels relative to a full-scale sine.</li>
 * </ul>
 */
public record AnalysisReport(
        String file,
        String format,
        double sampleRate,
        int channels,
        double durationS,
        Double integratedLufs,
        Double loudnessRangeLu,
        double truePeakDbtp,
        double samplePeakDbfs,
        Double maxMomentaryLufs,
        Double maxShortTermLufs,
        double rmsDbfs,
        double dcOffsetDbfs,
        long clippedSamples,
        Double stereoCorrelation,
        Double crestFactorDb,
        List<ChannelReport> perChannel,
        List<BandLevel> spectrum) {
    public AnalysisReport {
        perChannel = List.copyOf(perChannel);
        spectrum = List.copyOf(spectrum);
    }
}
