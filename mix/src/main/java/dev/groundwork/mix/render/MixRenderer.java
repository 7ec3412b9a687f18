package dev.groundwork.mix.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.analysis.SampleScan;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.stems.StemSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan to a file (streaming, in two passes: the mix into a temporary 32-bit float file while
 * its peak is tracked, then into the requested format, turned down as a whole if the peak passed the
 * ceiling) or to memory (tests, short material). Processed stems go to their own files as they stream.
 */
public final class MixRenderer {
    private MixRenderer() { }

    public static int defaultThreads() { return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())); }

    public static MixReport renderToFile(MixPlan plan, List<StemSource> sources, Path out, OutputFormat format, Path stemsDir,
                                         ProgressListener progress) {
        long t0 = System.nanoTime();
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            if (stemsDir != null) Files.createDirectories(stemsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + dev.groundwork.core.io.IoErrors.reason(e), e);
        }
        List<AudioStreamWriter> stemWriters = new ArrayList<>();
        try (MixEngine engine = new MixEngine(plan, sources, defaultThreads());
             MixStore store = MixStore.create(dir.resolve("." + out.getFileName() + ".mixing.wav"), engine.totalFrames(), plan.sampleRateHz())) {
            if (stemsDir != null) {
                for (StemPlan p : plan.stems()) {
                    Path f = stemsDir.resolve(p.file().replaceFirst("\\.[^.]+$", "") + ".wav");
                    stemWriters.add(AudioFiles.openWriter(f, OutputFormat.wav(OutputFormat.Encoding.FLOAT32), plan.sampleRateHz(), 2));
                }
            }
            double[] peak = {0};
            engine.run((mix, stems) -> {
                for (int c = 0; c < 2; c++) peak[0] = Math.max(peak[0], SampleScan.absPeak(mix.channel(c), mix.frames()));
                store.write(mix);
                for (int i = 0; i < stemWriters.size(); i++) stemWriters.get(i).write(stems.get(i));
            }, (s, f) -> progress.progress(s, 0.9 * f));
            // The pass ran to the end: the processed stems are complete.
            for (AudioStreamWriter sw : stemWriters) sw.commit();
            double ceiling = Math.pow(10, plan.mixBus().peakCeilingDbfs() / 20);
            double trimGain = peak[0] > ceiling ? ceiling / peak[0] : 1;
            LoudnessMeter meter = new LoudnessMeter(2, plan.sampleRateHz(), EnumSet.of(LoudnessMeter.Measure.INTEGRATED, LoudnessMeter.Measure.SAMPLE_PEAK));
            try (AudioStreamWriter fw = AudioFiles.openWriter(out, format, plan.sampleRateHz(), 2)) {
                AudioBuffer b = AudioBuffer.allocate(2, MixEngine.BLOCK, plan.sampleRateHz());
                long total = engine.totalFrames(), done = 0;
                int n;
                store.rewind();
                while ((n = store.read(b)) > 0) {
                    if (trimGain != 1) b.applyGain(trimGain);
                    meter.add(b);
                    fw.write(b);
                    done += n;
                    progress.progress("writing", 0.9 + 0.1 * done / Math.max(1, total));
                }
                fw.commit();
            }
            Map<String, Double> comp = new LinkedHashMap<>(), duck = new LinkedHashMap<>();
            engine.dynamicsReport().forEach((k, v) -> {
                comp.put(k, round2(v[0]));
                duck.put(k, round2(v[1]));
            });
            var lufs = meter.integratedLufs();
            return new MixReport(round2(engine.totalFrames() / plan.sampleRateHz()), lufs.isPresent() ? round2(lufs.getAsDouble()) : null,
                    round2(meter.samplePeakDbfs()), round2(20 * Math.log10(trimGain)),
                    round2(engine.glueReductionDb()), comp, duck, round2((System.nanoTime() - t0) / 1e9));
        } finally {
            for (AudioStreamWriter sw : stemWriters) sw.close();
        }
    }

    /** Renders into memory (bounded material only: tests, previews); applies the same ceiling rule. */
    public static AudioBuffer renderToMemory(MixPlan plan, List<StemSource> sources) {
        try (MixEngine engine = new MixEngine(plan, sources, defaultThreads())) {
            long total = engine.totalFrames();
            if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("too long to render in memory");
            AudioBuffer out = AudioBuffer.allocate(2, (int) total, plan.sampleRateHz());
            int[] pos = {0};
            engine.run((mix, stems) -> {
                for (int c = 0; c < 2; c++) System.arraycopy(mix.channel(c), 0, out.channel(c), pos[0], mix.frames());
                pos[0] += mix.frames();
            }, ProgressListener.NONE);
            double peak = 0;
            for (int c = 0; c < 2; c++) for (float v : out.channel(c)) peak = Math.max(peak, Math.abs(v));
            double ceiling = Math.pow(10, plan.mixBus().peakCeilingDbfs() / 20);
            if (peak > ceiling) out.applyGain(ceiling / peak);
            return out;
        }
    }

    static double round2(double v) { return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v; }
}
