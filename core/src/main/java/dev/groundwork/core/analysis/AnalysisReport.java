package dev.groundwork.core.analysis;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/**
 * Everything {@code groundwork analyze --json} prints about one file; the mastering and mixing jobs put
 * the same record in their reports. Values that do not exist are JSON null. In Java, loudness values,
 * correlation and crest factor are then {@code null} (no integrated loudness for silence, no
 * correlation for mono), while levels in dB (peaks, RMS, DC offset) are −infinity, which compares
 * and takes max/min correctly; reading the JSON back restores −infinity, so a report survives a round
 * trip unchanged.
 *
 * <ul>
 *   <li>{@code dcOffsetDbfs}: the largest |mean| of any channel, in dBFS.</li>
 *   <li>{@code clippedSamples}: samples in runs of ≥ 2 consecutive samples at |x| ≥ 0.999 (all channels).</li>
 *   <li>{@code stereoCorrelation}: correlation of channels 1 and 2 about zero (+1 mono-compatible, −1 out of phase).</li>
 *   <li>{@code rmsDbfs}: RMS of all channels, 10·log10(mean square): a full-scale sine reads −3.01.</li>
 *   <li>{@code crestFactorDb}: sample peak over RMS (all channels), in dB.</li>
 *   <li>{@code spectrum}: long-term third-octave levels relative to a full-scale sine.</li>
 * </ul>
 *
 * <p>The sample rate and duration are written {@code sample_rate_hz} and {@code duration_seconds}, as in every other
 * groundwork JSON (a unit in every key); reports written before read back under their old names too.
 */
@JsonPropertyOrder({"file", "format", "sample_rate_hz", "channels", "duration_seconds"})
public record AnalysisReport(
        String file,
        String format,
        @JsonProperty("sample_rate_hz") @JsonAlias("sample_rate") int sampleRate,
        int channels,
        @JsonProperty("duration_seconds") @JsonAlias("duration_s") double durationS,
        Double integratedLufs,
        Double loudnessRangeLu,
        @JsonDeserialize(using = NullAsMinusInfinity.class) double truePeakDbtp,
        @JsonDeserialize(using = NullAsMinusInfinity.class) double samplePeakDbfs,
        Double maxMomentaryLufs,
        Double maxShortTermLufs,
        @JsonDeserialize(using = NullAsMinusInfinity.class) double rmsDbfs,
        @JsonDeserialize(using = NullAsMinusInfinity.class) double dcOffsetDbfs,
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
