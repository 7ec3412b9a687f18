package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Compressor;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.core.dsp.Processor;
import dev.groundwork.core.dsp.StereoWidth;
import dev.groundwork.core.dsp.SubsonicFilter;
import dev.groundwork.core.dsp.TruePeakLimiter;
import dev.groundwork.master.plan.Stages;

import java.util.ArrayList;
import java.util.List;

/**
 * The processors a plan describes, in order. Split in two: everything before the loudness stage
 * ({@link #pre}) and gain → limiter → trim ({@link Finisher}), because the loudness solve renders the
 * first part once and tries gains on the second.
 */
public final class MasteringChain {
    public static final int BLOCK = 8192;

    private MasteringChain() { }

    /** Clean, tonal balance, dynamics, stereo: prepared for {@code spec}. */
    public static Pre pre(Stages stages, ProcessSpec spec) {
        List<Processor> list = new ArrayList<>();
        list.add(new SubsonicFilter(stages.clean().highPass()));
        MidSideEqualizer eq = new MidSideEqualizer(stages.tonalBalance().mid(), stages.tonalBalance().side());
        if (!eq.isFlat()) list.add(eq);
        Compressor comp = null;
        if (stages.dynamics().enabled()) {
            comp = new Compressor(stages.dynamics().compressor());
            list.add(comp);
        }
        if (!stages.stereo().stereo().passesThrough()) list.add(new StereoWidth(stages.stereo().stereo()));
        for (Processor p : list) p.prepare(spec);
        return new Pre(list, comp);
    }

    public static final class Pre {
        private final List<Processor> processors;
        private final Compressor compressor;

        Pre(List<Processor> processors, Compressor compressor) {
            this.processors = processors;
            this.compressor = compressor;
        }

        public void process(AudioBuffer block) {
            for (Processor p : processors) p.process(block, block);
        }

        /** Compressor statistics (max, mean gain reduction dB), zeros when the stage is off. */
        public double[] compressorReductionDb() {
            return compressor == null ? new double[]{0, 0} : new double[]{compressor.maxGainReductionDb(), compressor.meanGainReductionDb()};
        }
    }

    /**
     * Gain, true-peak limiter and trim, with the limiter's latency removed: the output has exactly
     * as many frames as went in. Blocks go to {@code sink}.
     */
    public static final class Finisher {
        private final float gain, trim;
        private final TruePeakLimiter limiter;
        private final int latency;
        private final AudioBuffer work;
        private final java.util.function.Consumer<AudioBuffer> sink;
        private long toSkip;

        public Finisher(double gainDb, TruePeakLimiter.Settings limiterSettings, double trimDb, ProcessSpec spec,
                        java.util.function.Consumer<AudioBuffer> sink) {
            this.gain = (float) Math.pow(10, gainDb / 20);
            this.trim = (float) Math.pow(10, trimDb / 20);
            this.limiter = new TruePeakLimiter(limiterSettings);
            limiter.prepare(spec);
            this.latency = limiter.latencyFrames();
            this.toSkip = latency;
            this.work = AudioBuffer.allocate(spec.channels(), spec.maxBlockFrames(), spec.sampleRate());
            this.sink = sink;
        }

        public void process(AudioBuffer block) {
            int n = block.frames();
            for (int c = 0; c < block.channels(); c++) scale(block.channel(c), gain, work.channel(c), 0, n);
            work.setFrames(n);
            limiter.process(work, work);
            emit(n);
        }

        private void emit(int n) {
            int skip = (int) Math.min(toSkip, n);
            toSkip -= skip;
            if (skip == n) return;
            if (trim != 1f) {
                for (int c = 0; c < work.channels(); c++) scale(work.channel(c), trim, work.channel(c), skip, n);
            }
            if (skip > 0) {
                for (int c = 0; c < work.channels(); c++) System.arraycopy(work.channel(c), skip, work.channel(c), 0, n - skip);
            }
            work.setFrames(n - skip);
            sink.accept(work);
        }

        /** y[from..n) = x[from..n) × g. A small method of its own: the JIT compiles the loop once, not each caller per loop. */
        private static void scale(float[] x, float g, float[] y, int from, int n) {
            for (int i = from; i < n; i++) y[i] = x[i] * g;
        }

        /** Pushes silence through the look-ahead so the last input frames come out. */
        public void finish() {
            long remaining = latency;
            while (remaining > 0) {
                int n = (int) Math.min(remaining, work.capacity());
                work.setFrames(n);
                work.clear();
                limiter.process(work, work);
                emit(n);
                remaining -= n;
            }
        }

        public TruePeakLimiter.Statistics limiterStatistics() { return limiter.statistics(); }
    }
}
