package dev.groundwork.bench.meter;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.meter.LoudnessMeter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Times groundwork's {@link LoudnessMeter} in process, the way bench/c/ebur128_bench.c times libebur128:
 * the file is decoded and cut into 4096-frame blocks first (not timed), then integrated loudness,
 * loudness range and true peak are measured on one thread. The first (cold, JIT still compiling) run
 * is reported on its own; after the warm-up runs the best and median of the timed runs are reported.
 *
 * <p>Usage: {@code meter-timing FILE [RUNS] [WARMUPS]}; prints one JSON object.
 */
public final class MeterTiming {
    static final int BLOCK = 4096;

    private MeterTiming() { }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: meter-timing FILE [RUNS] [WARMUPS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<AudioBuffer> blocks = blocks(AudioFiles.read(file));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        Result result = null;
        double coldWall = 0, coldCpu = 0;
        for (int k = -warmups; k < runs; k++) {
            long w0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            result = measure(blocks);
            double w = (System.nanoTime() - w0) * 1e-9, c = (threads.getCurrentThreadCpuTime() - c0) * 1e-9;
            if (k == -warmups) { coldWall = w; coldCpu = c; }
            if (k >= 0) { wall[k] = w; cpu[k] = c; }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        AudioBuffer first = blocks.get(0);
        double seconds = blocks.stream().mapToInt(AudioBuffer::frames).sum() / first.sampleRate();
        System.out.printf(Locale.ROOT,
                "{\"file\": \"%s\", \"runs\": %d, \"warmups\": %d, \"cold_wall_s\": %.6f, \"cold_cpu_s\": %.6f, "
                        + "\"best_wall_s\": %.6f, \"median_wall_s\": %.6f, \"best_cpu_s\": %.6f, \"median_cpu_s\": %.6f, "
                        + "\"integrated_lufs\": %s, \"loudness_range_lu\": %s, \"true_peak_dbtp\": %s, \"duration_seconds\": %.3f}%n",
                file, runs, warmups, coldWall, coldCpu, wall[0], wall[runs / 2], cpu[0], cpu[runs / 2],
                json(result.integrated), json(result.range), json(OptionalDouble.of(result.truePeak)), seconds);
    }

    record Result(OptionalDouble integrated, OptionalDouble range, double truePeak) { }

    static Result measure(List<AudioBuffer> blocks) {
        AudioBuffer first = blocks.get(0);
        LoudnessMeter meter = new LoudnessMeter(first.channels(), first.sampleRate());
        for (AudioBuffer b : blocks) meter.add(b);
        return new Result(meter.integratedLufs(), meter.loudnessRangeLu(), meter.truePeakDbtp());
    }

    static List<AudioBuffer> blocks(AudioBuffer audio) {
        List<AudioBuffer> out = new ArrayList<>();
        for (int start = 0; start < audio.frames(); start += BLOCK) {
            int n = Math.min(BLOCK, audio.frames() - start);
            float[][] data = new float[audio.channels()][];
            for (int c = 0; c < audio.channels(); c++) {
                data[c] = Arrays.copyOfRange(audio.channel(c), start, start + n);
            }
            out.add(new AudioBuffer(data, audio.sampleRate()));
        }
        return out;
    }

    private static String json(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? String.format(Locale.ROOT, "%.6f", v.getAsDouble()) : "null";
    }
}
