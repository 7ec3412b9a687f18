package dev.groundwork.studio.media;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.meter.LoudnessMeter;
import org.jtransforms.fft.DoubleFFT_1D;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the page draws for one audio file: waveform peaks, loudness over time, an averaged spectrum and
 * the I / LRA / true-peak readings. Measured with core's {@link LoudnessMeter} in one streaming pass.
 *
 * @param peaks          min/max pairs per column, {@code [min0, max0, min1, max1, ...]}, mono sum, in [-1, 1]
 * @param shortTermLufs  short-term loudness every 100 ms (null where silent)
 * @param spectrumDb     average power per 1/6-octave band from 20 Hz, dB relative to the loudest band
 */
public record AudioOverview(double durationS, double sampleRateHz, int channels,
                            Double integratedLufs, Double loudnessRangeLu, Double truePeakDbtp, Double samplePeakDbfs,
                            float[] peaks, Double[] shortTermLufs, double[] spectrumFreqsHz, double[] spectrumDb) {
    static final int COLUMNS = 800;
    static final int FFT = 4096;

    public static AudioOverview measure(Path file) {
        AudioFileInfo info = AudioFiles.probe(file);
        int ch = info.channels();
        double sr = info.sampleRate();
        long frames = Math.max(1, info.frames());
        float[] peaks = new float[COLUMNS * 2];
        Arrays.fill(peaks, 0f);
        SpectrumAverage spectrum = new SpectrumAverage(sr);
        LoudnessMeter meter = new LoudnessMeter(ch, sr);
        long pos = 0;
        try (AudioStreamReader reader = AudioFiles.openReader(file)) {
            AudioBuffer block = AudioBuffer.allocate(ch, FFT, sr);
            int n;
            while ((n = reader.read(block)) > 0) {
                meter.add(block);
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (int c = 0; c < ch; c++) s += block.channel(c)[i];
                    s /= ch;
                    int col = (int) Math.min(COLUMNS - 1, (pos + i) * COLUMNS / frames);
                    if (s < peaks[2 * col]) peaks[2 * col] = s;
                    if (s > peaks[2 * col + 1]) peaks[2 * col + 1] = s;
                }
                spectrum.add(block, n);
                pos += n;
            }
        }
        double[] st = meter.shortTermCurveLufs();
        Double[] curve = new Double[st.length];
        for (int i = 0; i < st.length; i++) curve[i] = Double.isFinite(st[i]) ? round2(st[i]) : null;
        return new AudioOverview(pos / sr, sr, ch,
                finite(meter.integratedLufs().orElse(Double.NEGATIVE_INFINITY)),
                finite(meter.loudnessRangeLu().orElse(Double.NaN)),
                finite(meter.truePeakDbtp()), finite(meter.samplePeakDbfs()),
                peaks, curve, spectrum.bandCentresHz(), spectrum.bandsDb());
    }

    private static Double finite(double v) { return Double.isFinite(v) ? round2(v) : null; }

    private static double round2(double v) { return Math.round(v * 100) / 100.0; }

    /** Welch-style average of Hann-windowed 4096-point power spectra, folded into 1/6-octave bands. */
    static final class SpectrumAverage {
        private final double sampleRate;
        private final double[] power = new double[FFT / 2 + 1];
        private final double[] window = new double[FFT];
        private final double[] frame = new double[FFT];
        private final DoubleFFT_1D fft = new DoubleFFT_1D(FFT);
        private int frames;

        SpectrumAverage(double sampleRate) {
            this.sampleRate = sampleRate;
            for (int i = 0; i < FFT; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FFT - 1));
        }

        void add(AudioBuffer block, int n) {
            if (n < FFT) return;
            int ch = block.channels();
            for (int i = 0; i < FFT; i++) {
                double s = 0;
                for (int c = 0; c < ch; c++) s += block.channel(c)[i];
                frame[i] = s / ch * window[i];
            }
            fft.realForward(frame);
            power[0] += frame[0] * frame[0];
            power[FFT / 2] += frame[1] * frame[1];
            for (int k = 1; k < FFT / 2; k++) power[k] += frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            frames++;
        }

        double[] bandCentresHz() {
            int bands = bandCount();
            double[] f = new double[bands];
            for (int b = 0; b < bands; b++) f[b] = Math.round(20 * Math.pow(2, (b + 0.5) / 6.0) * 10) / 10.0;
            return f;
        }

        private int bandCount() {
            double top = Math.min(20000, sampleRate / 2);
            return (int) Math.floor(6 * Math.log(top / 20) / Math.log(2));
        }

        double[] bandsDb() {
            int bands = bandCount();
            double[] db = new double[bands];
            double binHz = sampleRate / FFT;
            double max = 1e-30;
            for (int b = 0; b < bands; b++) {
                double lo = 20 * Math.pow(2, b / 6.0), hi = 20 * Math.pow(2, (b + 1) / 6.0);
                int k0 = (int) Math.ceil(lo / binHz), k1 = (int) Math.floor(hi / binHz);
                double sum = 0;
                int count = 0;
                for (int k = Math.max(1, k0); k <= Math.min(FFT / 2, Math.max(k0, k1)); k++) { sum += power[k]; count++; }
                db[b] = count == 0 || frames == 0 ? 0 : sum / count / frames;
                max = Math.max(max, db[b]);
            }
            for (int b = 0; b < bands; b++) db[b] = Math.round(Math.max(-120, 10 * Math.log10(Math.max(db[b], 1e-30) / max)) * 10) / 10.0;
            return db;
        }
    }
}
