package dev.groundwork.studio.media;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.analysis.AudioAnalyzer;
import dev.groundwork.core.analysis.BandLevel;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;

import java.nio.file.Path;
import java.util.List;

/**
 * What the page draws for one audio file: waveform peaks, loudness over time, the spectrum and the
 * I / LRA / true-peak readings. The measurements are core's {@link AudioAnalyzer} (BS.1770 meter,
 * third-octave spectrum); only the waveform columns are computed here, in the same streaming pass.
 *
 * @param peaks          min/max pairs per column, {@code [min0, max0, min1, max1, ...]}, mono sum, in [-1, 1]
 * @param shortTermLufs  short-term loudness every 100 ms (null where silent)
 * @param spectrumDb     third-octave band levels in dB relative to a full-scale sine (null where silent)
 */
public record AudioOverview(double durationSeconds, double sampleRateHz, int channels,
                            Double integratedLufs, Double loudnessRangeLu, Double truePeakDbtp, Double samplePeakDbfs,
                            float[] peaks, Double[] shortTermLufs, double[] spectrumFreqsHz, Double[] spectrumDb) {
    static final int COLUMNS = 800;

    public static AudioOverview measure(Path file) {
        AudioFileInfo info = AudioFiles.probe(file);
        int ch = info.channels();
        long frames = Math.max(1, info.frames());
        float[] peaks = new float[COLUMNS * 2];
        AudioAnalyzer analyzer = new AudioAnalyzer(ch, info.sampleRate());
        long pos = 0;
        try (AudioStreamReader reader = AudioFiles.openReader(file)) {
            AudioBuffer block = AudioBuffer.allocate(ch, AudioAnalyzer.BLOCK_FRAMES, info.sampleRate());
            int n;
            while ((n = reader.read(block)) > 0) {
                analyzer.add(block);
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (int c = 0; c < ch; c++) s += block.channel(c)[i];
                    s /= ch;
                    int col = (int) Math.min(COLUMNS - 1, (pos + i) * COLUMNS / frames);
                    if (s < peaks[2 * col]) peaks[2 * col] = s;
                    if (s > peaks[2 * col + 1]) peaks[2 * col + 1] = s;
                }
                pos += n;
            }
        }
        Analysis a = analyzer.result(file.getFileName().toString(), info.format());
        AnalysisReport r = a.report();
        double[] st = a.curves().shortTermLufs();
        Double[] curve = new Double[st.length];
        for (int i = 0; i < st.length; i++) curve[i] = Double.isFinite(st[i]) ? round2(st[i]) : null;
        List<BandLevel> bands = r.spectrum();
        double[] freqs = new double[bands.size()];
        Double[] levels = new Double[bands.size()];
        for (int i = 0; i < bands.size(); i++) {
            freqs[i] = bands.get(i).centerHz();
            Double l = bands.get(i).levelDb();
            levels[i] = l == null || !Double.isFinite(l) ? null : round2(l);
        }
        return new AudioOverview(pos / info.sampleRate(), info.sampleRate(), ch, r.integratedLufs(), r.loudnessRangeLu(),
                r.truePeakDbtp(), r.samplePeakDbfs(), peaks, curve, freqs, levels);
    }

    private static double round2(double v) { return Math.round(v * 100) / 100.0; }
}
