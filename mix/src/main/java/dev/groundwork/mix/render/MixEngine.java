package dev.groundwork.mix.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadCascade;
import dev.groundwork.core.dsp.BiquadDesign;
import dev.groundwork.core.dsp.Compressor;
import dev.groundwork.core.dsp.Delay;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.core.dsp.Reverb;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.stems.StemSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a plan block by block: every stem streams through its own strip (in parallel, one task per
 * stem), the kick strips first because their sum keys the ducking of bass and 808; then, in a fixed
 * order, the drum bus with its glue compressor, the band-limited reverb and delay sends, and the
 * mix-bus trim, overlapped with the strips' next block. Two blocks per stem are in memory; the summing
 * order never depends on threads,
 * so the same plan always gives the same samples.
 */
final class MixEngine implements AutoCloseable {
    static final int BLOCK = 8192;

    interface BlockSink {
        /** The mix bus block and, for each stem in plan order, its post-fader stereo block. */
        void accept(AudioBuffer mix, List<AudioBuffer> stems);
    }

    private final MixPlan plan;
    private final List<StemChain> chains = new ArrayList<>();
    private final double rate;
    private final long totalFrames;
    private final ExecutorService pool;
    private final AudioBuffer mix, drums, reverbSend, delaySend, reverbOut, delayOut, key;
    private final Compressor glue;
    private final Reverb reverb;
    private final Delay delay;
    private final BiquadCascade reverbFilter, delayFilter;   // each send's high-pass then low-pass, both channels in one loop
    private final float reverbReturn;
    private final float trim;
    private final boolean[] toDrumBus;
    private final float[] reverbGain, delayGain;     // per stem, linear; 0 with no send

    MixEngine(MixPlan plan, List<StemSource> sources, int threads) {
        this.plan = plan;
        this.rate = plan.sampleRateHz();
        Map<String, StemSource> byName = new HashMap<>();
        for (StemSource s : sources) byName.put(s.name(), s);
        long longest = 0;
        try {
            for (StemPlan p : plan.stems()) {
                StemSource s = byName.get(p.file());
                if (s == null) throw new IllegalArgumentException("the plan names " + p.file() + ", which is not in the stem folder");
                long frames = (long) Math.ceil(s.info().frames() * rate / s.info().sampleRate());
                longest = Math.max(longest, frames);
                chains.add(new StemChain(p, s, rate, BLOCK));
            }
        } catch (RuntimeException e) {
            chains.forEach(StemChain::close);
            throw e;
        }
        for (StemSource s : sources) {
            if (plan.stem(s.name()).isEmpty()) throw new IllegalArgumentException(s.name() + " is in the stem folder but not in the plan; re-plan or remove it");
        }
        this.totalFrames = longest;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "mix-strip");
            t.setDaemon(true);
            return t;
        });
        this.mix = AudioBuffer.allocate(2, BLOCK, rate);
        this.drums = AudioBuffer.allocate(2, BLOCK, rate);
        this.reverbSend = AudioBuffer.allocate(2, BLOCK, rate);
        this.delaySend = AudioBuffer.allocate(2, BLOCK, rate);
        this.reverbOut = AudioBuffer.allocate(2, BLOCK, rate);
        this.delayOut = AudioBuffer.allocate(2, BLOCK, rate);
        this.key = AudioBuffer.allocate(1, BLOCK, rate);
        ProcessSpec stereo = new ProcessSpec(rate, BLOCK, 2);
        this.glue = plan.drumBus() == null ? null : new Compressor(plan.drumBus().settings());
        if (glue != null) glue.prepare(stereo);
        this.reverb = new Reverb(plan.space().reverb());
        reverb.prepare(stereo);
        this.reverbReturn = (float) reverbCalibration(plan.space().reverb(), rate);
        reverb.reset();
        this.delay = new Delay(plan.space().delay());
        delay.prepare(stereo);
        Biquad.Coefficients[] sendBand = {BiquadDesign.highPass(rate, plan.space().sendHighPassHz(), 0.707),
                BiquadDesign.lowPass(rate, Math.min(plan.space().sendLowPassHz(), 0.45 * rate), 0.707)};
        this.reverbFilter = new BiquadCascade(sendBand, 2);
        this.delayFilter = new BiquadCascade(sendBand, 2);
        this.trim = (float) Math.pow(10, plan.mixBus().trimDb() / 20);
        int n = chains.size();
        this.toDrumBus = new boolean[n];
        this.reverbGain = new float[n];
        this.delayGain = new float[n];
        for (int i = 0; i < n; i++) {
            StemPlan p = chains.get(i).plan;
            toDrumBus[i] = p.drumBus() && glue != null;
            reverbGain[i] = p.reverbSendDb() == null ? 0 : (float) Math.pow(10, p.reverbSendDb() / 20);
            delayGain[i] = p.delaySendDb() == null ? 0 : (float) Math.pow(10, p.delaySendDb() / 20);
        }
    }

    long totalFrames() { return totalFrames; }

    /** Gain that makes the reverb's impulse response carry unit energy, so a 0 dB send returns the dry loudness. */
    static double reverbCalibration(Reverb.Settings s, double rate) {
        Reverb r = new Reverb(s);
        int n = (int) Math.min(rate * Math.min(6, s.decaySeconds() * 1.5), rate * 6);
        r.prepare(new ProcessSpec(rate, n, 2));
        AudioBuffer in = AudioBuffer.allocate(2, n, rate), out = AudioBuffer.allocate(2, n, rate);
        in.channel(0)[0] = 1;
        in.channel(1)[0] = 1;
        r.process(in, out);
        double e = 0;
        for (int c = 0; c < 2; c++) for (float v : out.channel(c)) e += v * v;
        return e > 0 ? 1 / Math.sqrt(e) : 1;
    }

    void run(BlockSink sink, ProgressListener progress) {
        List<StemChain> keyed = chains.stream().filter(c -> c.plan.role() == dev.groundwork.mix.roles.Role.KICK && !c.plan.silent()).toList();
        List<StemChain> rest = chains.stream().filter(c -> !keyed.contains(c)).toList();
        // Pipelined: while the strips render block k + 1 on the pool, this thread sums block k (drum bus,
        // sends, reverb, delay, trim) and hands it to the sink. Each strip renders into one of two buffers and
        // hands the finished one over before the next block starts, so the bus always reads a finished block
        // and the result does not depend on timing.
        List<AudioBuffer> held = new ArrayList<>(java.util.Collections.nCopies(chains.size(), (AudioBuffer) null));
        ExecutorService strips = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mix-strips");
            t.setDaemon(true);
            return t;
        });
        try {
            long done = 0;
            Future<?> next = totalFrames > 0 ? strips.submit(() -> renderStrips(keyed, rest)) : null;
            while (done < totalFrames) {
                int n = (int) Math.min(BLOCK, totalFrames - done);
                await(next);
                for (int i = 0; i < chains.size(); i++) held.set(i, chains.get(i).takeOut());
                next = done + n < totalFrames ? strips.submit(() -> renderStrips(keyed, rest)) : null;
                sum(held);
                for (AudioBuffer b : held) b.setFrames(n);
                mix.setFrames(n);
                sink.accept(mix, held);
                for (AudioBuffer b : held) b.setFrames(BLOCK);
                done += n;
                progress.progress("mixing", (double) done / totalFrames);
            }
        } finally {
            strips.shutdownNow();
        }
    }

    /** One block through every strip: the kicks first, their sum keys the ducking of the others. */
    private void renderStrips(List<StemChain> keyed, List<StemChain> rest) {
        runAll(keyed, null);
        key.setFrames(BLOCK);
        float[] k = key.channel(0);
        java.util.Arrays.fill(k, 0f);
        for (StemChain c : keyed) {
            float[] l = c.out.channel(0), r = c.out.channel(1);
            for (int i = 0; i < BLOCK; i++) k[i] += 0.5f * (l[i] + r[i]);
        }
        runAll(rest, key);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mix interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c.getMessage(), c);
        }
    }

    private void runAll(List<StemChain> list, AudioBuffer keyBlock) {
        if (list.isEmpty()) return;
        List<Future<?>> fs = new ArrayList<>();
        for (StemChain c : list) fs.add(pool.submit(() -> c.process(c.needsKey() ? keyBlock : null)));
        for (Future<?> f : fs) await(f);
    }

    private void sum(List<AudioBuffer> outs) {
        for (AudioBuffer b : new AudioBuffer[]{mix, drums, reverbSend, delaySend}) {
            b.setFrames(BLOCK);
            b.clear();
        }
        for (int i = 0; i < chains.size(); i++) {
            AudioBuffer dst = toDrumBus[i] ? drums : mix;
            float rg = reverbGain[i], dg = delayGain[i];
            // One pass per channel feeds the bus and both sends (each destination still sums the stems in plan order).
            for (int c = 0; c < 2; c++) {
                float[] s = outs.get(i).channel(c), d = dst.channel(c), rv = reverbSend.channel(c), dl = delaySend.channel(c);
                if (rg != 0 && dg != 0) {
                    for (int k = 0; k < BLOCK; k++) {
                        float x = s[k];
                        d[k] += x;
                        rv[k] += x * rg;
                        dl[k] += x * dg;
                    }
                } else if (rg != 0) {
                    for (int k = 0; k < BLOCK; k++) {
                        float x = s[k];
                        d[k] += x;
                        rv[k] += x * rg;
                    }
                } else if (dg != 0) {
                    for (int k = 0; k < BLOCK; k++) {
                        float x = s[k];
                        d[k] += x;
                        dl[k] += x * dg;
                    }
                } else {
                    for (int k = 0; k < BLOCK; k++) d[k] += s[k];
                }
            }
        }
        if (glue != null) {
            glue.process(drums, drums);
            addInto(mix, drums, 1f);
        }
        reverbFilter.processStereo(reverbSend.channel(0), reverbSend.channel(1), 0, BLOCK);
        delayFilter.processStereo(delaySend.channel(0), delaySend.channel(1), 0, BLOCK);
        reverbOut.setFrames(BLOCK);
        delayOut.setFrames(BLOCK);
        reverb.process(reverbSend, reverbOut);
        delay.process(delaySend, delayOut);
        addInto(mix, reverbOut, reverbReturn);
        addInto(mix, delayOut, 1f);
        mix.applyGain(trim);
    }

    private static void addInto(AudioBuffer dst, AudioBuffer src, float g) {
        for (int c = 0; c < 2; c++) {
            float[] d = dst.channel(c), s = src.channel(c);
            for (int i = 0; i < d.length; i++) d[i] += s[i] * g;
        }
    }

    /** Mean gain reduction of each stem's compressor and ducker so far, for the report. */
    Map<String, double[]> dynamicsReport() {
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        for (StemChain c : chains) m.put(c.plan.file(), new double[]{c.meanCompressionDb(), c.meanDuckingDb()});
        return m;
    }

    double glueReductionDb() { return glue == null ? 0 : glue.meanGainReductionDb(); }

    @Override
    public void close() {
        pool.shutdownNow();
        chains.forEach(StemChain::close);
    }
}
