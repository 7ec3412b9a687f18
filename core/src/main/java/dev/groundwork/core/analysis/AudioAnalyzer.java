package dev.groundwork.core.analysis;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Everything about a stream in one pass: loudness and peaks ({@link LoudnessMeter}), sample
 * statistics ({@link SignalStatistics}) and the band spectrum ({@link BandSpectrum}). Feed blocks of
 * any size, then ask for the {@link Analysis}. Memory is bounded by the block and the loudness curves
 * (two doubles per 100 ms).
 */
public final class AudioAnalyzer {
    /** Frames per block when reading a file. */
    public static final int BLOCK_FRAMES = 16_384;

    static {
        // the spectrum's FFTs already run on a helper beside the meter thread: JTransforms' own worker threads
        // (it splits FFTs of 8192 points and more) would only compete with the meter for the same cores
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int channels;
    private final double sampleRate;
    private final LoudnessMeter meter;
    private final SignalStatistics statistics;
    private final BandSpectrum spectrum;

    public AudioAnalyzer(int channels, double sampleRate) {
        this(channels, sampleRate, true);
    }

    /**
     * @param withSpectrum false leaves the band spectrum out (its report lists no bands): for callers that
     *                     show nothing of it, since its FFTs are a good part of the pass
     */
    public AudioAnalyzer(int channels, double sampleRate, boolean withSpectrum) {
        this(channels, sampleRate, withSpectrum, new LoudnessMeter(channels, sampleRate));
    }

    /**
     * As {@link #AudioAnalyzer(int, double, boolean)}, with the true peak read by {@code truePeak} (fed by this
     * analyzer): see {@link LoudnessMeter#LoudnessMeter(int, double, dev.groundwork.core.dsp.TruePeakOversampler)}.
     */
    public AudioAnalyzer(int channels, double sampleRate, boolean withSpectrum, dev.groundwork.core.dsp.TruePeakOversampler truePeak) {
        this(channels, sampleRate, withSpectrum, new LoudnessMeter(channels, sampleRate, truePeak));
    }

    private AudioAnalyzer(int channels, double sampleRate, boolean withSpectrum, LoudnessMeter meter) {
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.meter = meter;
        this.statistics = new SignalStatistics(channels);
        this.spectrum = withSpectrum ? new BandSpectrum(channels, sampleRate) : null;
    }

    public void add(AudioBuffer block) {
        meter.add(block);
        statistics.add(block);
        if (spectrum != null) spectrum.add(block);
    }

    /** Analyses a whole buffer (tests, and jobs that already hold the audio). */
    public static Analysis analyze(AudioBuffer audio, String name) {
        AudioAnalyzer a = new AudioAnalyzer(audio.channels(), audio.sampleRate());
        a.add(audio);
        return a.result(name, null);
    }

    /**
     * Reads {@code reader} to the end in blocks and analyses it, reporting progress as the fraction of
     * frames read. (The readers already refuse non-finite samples with a clear error.)
     *
     * <p>Two threads share the work about equally (measured with JFR on a 5-minute song): while a helper
     * adds block k to the spectrum (its FFTs), this thread meters block k (loudness and true peak), adds
     * it to the statistics and decodes block k + 1. Every accumulator still sees the blocks in order from
     * one thread at a time, so the result is exactly that of a single-threaded pass.
     */
    public static Analysis analyze(AudioStreamReader reader, Path file, ProgressListener progress) {
        AudioFileInfo info = reader.info();
        AudioAnalyzer a = new AudioAnalyzer(info.channels(), info.sampleRate());
        AudioBuffer current = AudioBuffer.allocate(info.channels(), BLOCK_FRAMES, info.sampleRate());
        AudioBuffer next = AudioBuffer.allocate(info.channels(), BLOCK_FRAMES, info.sampleRate());
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "analyze-helper");
            t.setDaemon(true);
            return t;
        });
        try {
            long done = 0;
            int n = reader.read(current);
            while (n > 0) {
                AudioBuffer block = current, following = next;
                Future<?> side = helper.submit(() -> a.spectrum.add(block));
                a.meter.add(block);
                a.statistics.add(block);
                n = reader.read(following);
                await(side);
                done += block.frames();
                if (info.frames() > 0) progress.progress("analyze", Math.min(1.0, (double) done / info.frames()));
                next = current;
                current = following;
            }
        } finally {
            helper.shutdownNow();
        }
        progress.progress("analyze", 1.0);
        return a.result(file.getFileName().toString(), info.format());
    }

    /** Waits for the helper; its exceptions (a corrupt block, say) surface here unchanged. */
    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        }
    }

    public Analysis result(String file, String format) {
        List<ChannelReport> perChannel = new ArrayList<>();
        double dc = 0;
        for (int c = 0; c < channels; c++) {
            double mean = statistics.mean(c);
            dc = Math.max(dc, Math.abs(mean));
            perChannel.add(new ChannelReport(c + 1, boxed(meter.integratedLufs(c)), meter.truePeakDbtp(c), meter.samplePeakDbfs(c),
                    powerDb(statistics.meanSquare(c)), amplitudeDb(Math.abs(mean)), statistics.clippedSamples(c)));
        }
        double ms = statistics.meanSquare();
        double peak = statistics.peak();
        double correlation = statistics.stereoCorrelation();
        AnalysisReport report = new AnalysisReport(file, format, (int) Math.round(sampleRate), channels, meter.durationSeconds(),
                boxed(meter.integratedLufs()), boxed(meter.loudnessRangeLu()),
                meter.truePeakDbtp(), meter.samplePeakDbfs(),
                boxed(meter.maxMomentaryLufs()), boxed(meter.maxShortTermLufs()),
                powerDb(ms), amplitudeDb(dc), statistics.clippedSamples(),
                Double.isNaN(correlation) ? null : correlation,
                ms > 0 && peak > 0 ? 20 * Math.log10(peak / Math.sqrt(ms)) : null,
                perChannel, spectrum == null ? List.of() : spectrum.bands());
        LoudnessCurves curves = new LoudnessCurves(LoudnessMeter.STEP_SECONDS, meter.momentaryCurveLufs(), meter.shortTermCurveLufs());
        return new Analysis(report, curves);
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static double amplitudeDb(double linear) {
        return linear > 0 ? 20 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }

    private static double powerDb(double meanSquare) {
        return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }
}
