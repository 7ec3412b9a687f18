package dev.groundwork.master;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.analysis.AudioAnalyzer;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.dsp.MultibandCompressor;
import dev.groundwork.core.dsp.ProcessSpec;
import dev.groundwork.core.dsp.TruePeakLimiter;
import dev.groundwork.core.dsp.TruePeakOversampler;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.master.analysis.Analyzer;
import dev.groundwork.master.analysis.InputAnalysis;
import dev.groundwork.master.plan.LoudnessStage;
import dev.groundwork.master.plan.MasteringPlan;
import dev.groundwork.master.plan.Stages;
import dev.groundwork.master.plan.Warning;
import dev.groundwork.master.plan.Warning.Codes;
import dev.groundwork.master.render.AudioOutput;
import dev.groundwork.master.render.AudioSource;
import dev.groundwork.master.render.BlockPipe;
import dev.groundwork.master.render.FloatSpool;
import dev.groundwork.master.render.LoudnessModel;
import dev.groundwork.master.render.MasteringChain;
import dev.groundwork.master.render.SourceBlocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Automatic mastering as propose-then-render. {@link #master} measures the input, decides every stage
 * ({@link Planner}), renders everything before the limiter once into a temporary spool, solves the gain
 * into the true-peak limiter on a cheap model of that audio, then renders the limiter pass, measures it
 * with the BS.1770 meter and corrects until the output's integrated loudness is within 0.05 LU of the
 * goal; a negative trim keeps the measured true peak under the ceiling. {@link #render} replays a plan
 * (edited or not) exactly: same input and plan give the same bytes.
 *
 * <p>Memory stays bounded by the block size: intermediate audio lives in temporary files.
 */
public final class Mastering {
    /** Output loudness must land this close to the goal before the job accepts a render. */
    static final double LOUDNESS_TOLERANCE_LU = 0.03;
    static final int MAX_RENDERS = 4;
    /**
     * The output's accurate true peak (×16, {@link TruePeakOversampler#accurate}) must stay this far under
     * the ceiling: it covers the accurate estimator's own worst case (0.04 dB) so no compliant meter,
     * whose ×4 interpolator reads at most the true peak plus its filter's ripple, sees the ceiling crossed.
     */
    static final double CEILING_MARGIN_DB = 0.05;

    static {
        // the measurements already run beside the main thread: FFT worker threads would only compete with them
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Mastering() { }

    /** Measures a source (the Inspect stage's pass). */
    public static Inspection inspect(AudioSource source, ProgressListener progress) {
        return inspect(source, true, progress);
    }

    /**
     * As {@link #inspect(AudioSource, ProgressListener)}; {@code spectra} false leaves the band spectrum out of the input's
     * report and of the master's (no decision uses it; only reports and plots show it), which saves their FFTs.
     */
    public static Inspection inspect(AudioSource source, boolean spectra, ProgressListener progress) {
        Analyzer[] an = new Analyzer[1];
        BlockPipe[] pipe = new BlockPipe[1];
        @SuppressWarnings("unchecked") Consumer<AudioBuffer>[] feed = new Consumer[1];
        try {
            // the analysis runs on a helper thread (with two processors) while this one decodes
            SourceBlocks.forEach(source, rateOf(source), b -> {
                if (an[0] == null) {
                    an[0] = new Analyzer(b.channels(), b.sampleRate(), true, spectra);
                    pipe[0] = BlockPipe.of(an[0]::add, b.channels(), MasteringChain.BLOCK, b.sampleRate());
                    feed[0] = pipe[0].input();
                }
                feed[0].accept(b);
            }, f -> progress.progress("inspect", f));
        } finally {
            if (pipe[0] != null) pipe[0].close();
        }
        if (an[0] == null) throw new MasteringException(source.name() + " holds no audio");
        return new Inspection(an[0].result(), an[0].analysis(source.name()), spectra);
    }

    /** The plan only (nothing written). It is exactly the plan {@link #master} would follow. */
    public static MasteringPlan propose(AudioSource source, MasterSettings settings, ProgressListener progress) {
        return master(source, settings, AudioOutput.discard(), progress).plan();
    }

    /** Proposes and renders in one go, reusing the solve's renders (faster than propose + render). */
    public static MasterResult master(AudioSource source, MasterSettings settings, AudioOutput output, ProgressListener progress) {
        return master(source, inspect(source, progress), settings, output, progress);
    }

    /** As {@link #master(AudioSource, MasterSettings, AudioOutput, ProgressListener)} with the input already measured. */
    public static MasterResult master(AudioSource source, Inspection inspection, MasterSettings settings, AudioOutput output, ProgressListener progress) {
        InputAnalysis in = inspection.measured();
        double workRate = settings.outputRate() == 0 ? in.sampleRate() : settings.outputRate();
        Planner.Decision d = Planner.decide(source.name(), in, settings, workRate);
        List<Warning> warnings = new ArrayList<>(d.warnings());
        Stages stages = d.stages();
        int channels = in.channels();
        ProcessSpec spec = new ProcessSpec(workRate, MasteringChain.BLOCK, channels);
        TruePeakLimiter.Settings limiter = stages.loudness().limiter();
        // the model interpolates peaks only where some gain up to this could reach the ceiling
        double maxGainDb = settings.target().lufs() - in.integratedLufs() + 24;
        double floor = limiter.ceilingLinear() / Math.pow(10, maxGainDb / 20);

        LoudnessModel model = new LoudnessModel(channels, workRate, floor);
        try (FloatSpool pre = new FloatSpool(channels)) {
            MasteringChain.Pre chain = MasteringChain.pre(stages, spec);
            MultibandCompressor multiband = multiband(stages, spec);
            try (BlockPipe modelPipe = BlockPipe.of(model::add, channels, MasteringChain.BLOCK, workRate)) {
                Consumer<AudioBuffer> toModel = modelPipe.input();
                SourceBlocks.forEach(source, workRate, b -> {
                    chain.process(b);
                    if (multiband != null) multiband.process(b, b);
                    pre.append(b);
                    toModel.accept(b);
                }, f -> progress.progress("process", f));
            }
            model.finish();
            double[] comp = chain.compressorReductionDb();
            List<Double> multibandDb = GainReduction.of(multiband);

            progress.progress("loudness", 0);
            List<Warning> solveWarnings = new ArrayList<>();
            Solution sol = solve(model, limiter, settings, maxGainDb, solveWarnings);
            progress.progress("loudness", 1);

            double gain = sol.gainDb;
            String bits = stages.deliver().bits();
            Render r = null;
            try {
                for (int attempt = 1; attempt <= MAX_RENDERS; attempt++) {
                    if (r != null) r.writer.close(); // not committed: the temporary file goes away
                    r = finish(pre, gain, limiter, 0, spec, inspection.spectra(), source.name() + " (master)", output.open(workRate, channels, bits));
                    progress.progress("limit", (double) attempt / MAX_RENDERS);
                    double over = r.accurateTruePeakDbtp - (settings.target().ceilingDbtp() - CEILING_MARGIN_DB);
                    if (over > 0 && attempt < MAX_RENDERS && limiter.ceilingDbtp() - over - 0.02 >= -30) {
                        // the continuous waveform peaks a little above what the limiter's ×4 detector saw (and its
                        // gain moves the waveform between samples): lower the limiter's ceiling by the overshoot
                        // and solve the gain again
                        limiter = new TruePeakLimiter.Settings(limiter.ceilingDbtp() - over - 0.02, limiter.lookaheadMs(), limiter.releaseMs());
                        solveWarnings = new ArrayList<>();
                        sol = solve(model, limiter, settings, maxGainDb, solveWarnings);
                        gain = sol.gainDb;
                        continue;
                    }
                    double err = sol.goalLufs - r.integratedLufs();
                    if (Math.abs(err) <= LOUDNESS_TOLERANCE_LU || attempt == MAX_RENDERS) break;
                    gain += err / sol.slope;
                }
                double tp = r.accurateTruePeakDbtp;
                double trim = 0;
                if (tp > settings.target().ceilingDbtp() - CEILING_MARGIN_DB) {
                    // last resort, after the renders: a small negative trim, rendered once more
                    trim = trimUnder(0, settings.target().ceilingDbtp(), tp);
                    warnings.add(new Warning(Codes.CEILING_TRIM, "loudness", String.format(Locale.ROOT,
                            "true peak %.2f dBTP (×16 estimate) after the limiter: trimmed %.2f dB to stay under %.1f dBTP", tp, trim, settings.target().ceilingDbtp())));
                    r.writer.close();
                    r = finish(pre, gain, limiter, trim, spec, inspection.spectra(), source.name() + " (master)", output.open(workRate, channels, bits));
                }
                r.writer.commit();
                progress.progress("write", 1);
                warnings.addAll(solveWarnings);
                return result(inspection, source, settings, stages, in, warnings, sol, gain, limiter, trim, r, comp, multibandDb);
            } finally {
                if (r != null) r.writer.close();
            }
        }
    }

    private static MasterResult result(Inspection inspection, AudioSource source, MasterSettings settings, Stages stages, InputAnalysis in,
                                       List<Warning> warnings, Solution sol, double gain, TruePeakLimiter.Settings limiter, double trim,
                                       Render r, double[] comp, List<Double> multibandDb) {
        double tp = r.truePeakDbtp();
        TruePeakLimiter.Statistics ls = r.limiter;
        if (ls.maxGainReductionDb() > 6) {
            warnings.add(new Warning(Codes.HEAVY_GAIN_REDUCTION, "loudness", String.format(Locale.ROOT,
                    "the limiter reduced peaks by up to %.1f dB (mean %.1f dB while active): transients may sound blunted", ls.maxGainReductionDb(), ls.meanGainReductionDb())));
        }
        double outLufs = r.integratedLufs();
        double lossLu = sol.preLufs + gain + trim - r.integratedLufs();
        String reason = String.format(Locale.ROOT, "pre-limiter audio measured %.2f LUFS → %+.2f dB into a %.2f dBTP true-peak limiter (%.0f ms release); limiting costs %.2f LU; output measured %.2f LUFS, %.2f dBTP (×16 estimate %.2f dBTP)%s",
                sol.preLufs, gain, limiter.ceilingDbtp(), limiter.releaseMs(), lossLu, outLufs, tp, r.accurateTruePeakDbtp,
                sol.reached ? "" : " (target not reached, see warnings)");
        LoudnessStage loud = new LoudnessStage(gain, limiter, trim, outLufs, tp, lossLu, reason);
        MasteringPlan plan = new MasteringPlan(MasteringPlan.VERSION, settings.target(), settings.character().id(), in,
                stages.withLoudness(loud), warnings);

        checkCorrelation(r.output.report(), warnings);
        plan = plan.withWarnings(warnings);
        return new MasterResult(plan, inspection.analysis(), r.output,
                new GainReduction(comp[0], comp[1], ls.maxGainReductionDb(), ls.meanGainReductionDb(), 100 * ls.limitedFraction(), multibandDb));
    }

    /** Renders a plan exactly as written. Same input and plan → same samples, same bytes. */
    public static MasterResult render(AudioSource source, MasteringPlan plan, AudioOutput output, ProgressListener progress) {
        return render(source, plan, output, false, progress);
    }

    /**
     * As {@link #render(AudioSource, MasteringPlan, AudioOutput, ProgressListener)}; {@code measureInput} also analyses the input (for reports).
     * The ceiling stays a guarantee for edited plans too: when the replayed output's ×16 true peak would cross it, the render is
     * repeated once with a lower trim (the same last resort the normal path uses), the plan returned says so and the output is
     * never written over the ceiling. An unedited plan already passed this check when it was made, so it replays byte for byte.
     */
    public static MasterResult render(AudioSource source, MasteringPlan plan, AudioOutput output, boolean measureInput, ProgressListener progress) {
        dev.groundwork.core.analysis.Analysis inputAnalysis = measureInput ? inspect(source, progress).analysis() : null;
        Stages st = plan.stages();
        List<Warning> warnings = new ArrayList<>(plan.warnings());
        double ceiling = plan.target().ceilingDbtp();
        Replay r = replay(source, st, st.loudness().trimDb(), ceiling, output, progress);
        try {
            if (r.accurateTruePeakDbtp > ceiling - CEILING_MARGIN_DB) {
                double trim = trimUnder(st.loudness().trimDb(), ceiling, r.accurateTruePeakDbtp);
                if (trim < -6) {
                    throw new MasteringException(String.format(Locale.ROOT, "the plan's output peaks at %.2f dBTP, %.1f dB over its %.1f dBTP ceiling: "
                            + "more than a trim can fix; lower the loudness gain or the limiter ceiling in the plan", r.accurateTruePeakDbtp,
                            r.accurateTruePeakDbtp - ceiling, ceiling));
                }
                warnings.add(new Warning(Codes.CEILING_TRIM, "loudness", String.format(Locale.ROOT,
                        "the plan's output peaks at %.2f dBTP (×16 estimate), over its %.1f dBTP ceiling: trimmed to %.2f dB (plan said %.2f dB) and rendered again",
                        r.accurateTruePeakDbtp, ceiling, trim, st.loudness().trimDb())));
                r.writer.close(); // not committed: the temporary file goes away
                LoudnessStage l = st.loudness();
                st = st.withLoudness(new LoudnessStage(l.gainDb(), l.limiter(), trim, l.expectedLufs(), l.expectedTruePeakDbtp(), l.limiterLossLu(), l.reason()));
                r = replay(source, st, trim, ceiling, output, progress);
            }
            r.writer.commit();
        } finally {
            r.writer.close();
        }
        checkCorrelation(r.output.report(), warnings);
        TruePeakLimiter.Statistics ls = r.limiter;
        return new MasterResult(plan.withStages(st).withWarnings(warnings), inputAnalysis, r.output,
                new GainReduction(r.compressorDb[0], r.compressorDb[1], ls.maxGainReductionDb(), ls.meanGainReductionDb(), 100 * ls.limitedFraction(), r.multibandDb));
    }

    /**
     * The last-resort trim, in whole hundredths of a dB, that brings an output rendered with {@code trimDb} and
     * peaking at {@code accurateTruePeakDbtp} (×16) under {@code ceilingDbtp} less {@link #CEILING_MARGIN_DB}.
     */
    static double trimUnder(double trimDb, double ceilingDbtp, double accurateTruePeakDbtp) {
        return Math.floor((trimDb + ceilingDbtp - CEILING_MARGIN_DB - accurateTruePeakDbtp - 0.005) * 100) / 100;
    }

    /** One pass of a plan from the source to an opened, not yet committed writer, measured on the way (×16 true peak included). */
    private record Replay(AudioStreamWriter writer, Analysis output, double accurateTruePeakDbtp, TruePeakLimiter.Statistics limiter, double[] compressorDb,
                          List<Double> multibandDb) { }

    private static Replay replay(AudioSource source, Stages st, double trimDb, double ceilingDbtp, AudioOutput output, ProgressListener progress) {
        double rate = st.deliver().sampleRateHz();
        AudioAnalyzer[] an = {null};
        TruePeakOversampler[] accurate = {null};
        AudioStreamWriter[] writer = {null};
        MasteringChain.Pre[] chain = {null};
        MultibandCompressor[] multiband = {null};
        MasteringChain.Finisher[] fin = {null};
        BlockPipe[] pipe = {null};
        boolean done = false;
        try {
            SourceBlocks.forEach(source, rate, b -> {
                if (chain[0] == null) {
                    ProcessSpec spec = new ProcessSpec(rate, MasteringChain.BLOCK, b.channels());
                    chain[0] = MasteringChain.pre(st, spec);
                    multiband[0] = multiband(st, spec);
                    OutputMeter m = new OutputMeter(b.channels(), rate, true, Math.pow(10, (ceilingDbtp - VERIFY_FLOOR_DB) / 20));
                    an[0] = m.analyzer;
                    accurate[0] = m.accurate;
                    pipe[0] = BlockPipe.of(m::add, b.channels(), MasteringChain.BLOCK, rate);
                    Consumer<AudioBuffer> toMeter = pipe[0].input();
                    writer[0] = output.open(rate, b.channels(), st.deliver().bits());
                    fin[0] = new MasteringChain.Finisher(st.loudness().gainDb(), st.loudness().limiter(), trimDb, spec, o -> {
                        toMeter.accept(o);
                        writer[0].write(o);
                    });
                }
                chain[0].process(b);
                if (multiband[0] != null) multiband[0].process(b, b);
                fin[0].process(b);
            }, f -> progress.progress("render", f));
            if (fin[0] == null) throw new MasteringException(source.name() + " holds no audio");
            fin[0].finish();
            pipe[0].close();
            done = true;
        } finally {
            if (pipe[0] != null) pipe[0].close();
            if (!done && writer[0] != null) writer[0].close();
        }
        double peak = accurate[0].peak();
        return new Replay(writer[0], an[0].result(source.name() + " (master)", null), peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY, fin[0].limiterStatistics(),
                chain[0].compressorReductionDb(), GainReduction.of(multiband[0]));
    }

    /**
     * The multiband stage prepared for {@code spec}, or null when the plan has it off. It runs right after the chain's
     * stereo stage (block by block, zero latency), before the loudness stage.
     */
    private static MultibandCompressor multiband(Stages st, ProcessSpec spec) {
        if (!st.dynamics().multibandEnabled()) return null;
        MultibandCompressor m = new MultibandCompressor(st.dynamics().multiband().settings());
        m.prepare(spec);
        return m;
    }

    private static void checkCorrelation(AnalysisReport out, List<Warning> warnings) {
        if (out.channels() == 2 && out.stereoCorrelation() != null && out.stereoCorrelation() < 0 && warnings.stream().noneMatch(w -> w.code().equals(Codes.PHASE_CORRELATION))) {
            warnings.add(new Warning(Codes.PHASE_CORRELATION, "stereo", String.format(Locale.ROOT,
                    "output correlation %.2f is negative: the master loses level in mono", out.stereoCorrelation())));
        }
    }

    private static double rateOf(AudioSource source) {
        try (var r = source.open()) {
            return r.info().sampleRate();
        }
    }

    // ---- the loudness solve ----

    private record Solution(double gainDb, double goalLufs, double preLufs, double slope, boolean reached) { }

    /** @param accurateTruePeakDbtp the output's ×16 true peak, exact from {@link #VERIFY_FLOOR_DB} under the ceiling up */
    private record Render(AudioStreamWriter writer, Analysis output, TruePeakLimiter.Statistics limiter, double accurateTruePeakDbtp) {
        double integratedLufs() {
            Double v = output.report().integratedLufs();
            return v == null ? Double.NaN : v;
        }

        double truePeakDbtp() {
            return output.report().truePeakDbtp();
        }
    }

    /**
     * The output's analysis and its ×16 true peak, fed together. Below 96 kHz one oversampler gives both the meter's ×4
     * reading and the ×16 estimate (its gate computes the meter's points anyway); at higher rates the meter reads ×2
     * or ×1 on its own.
     */
    private static final class OutputMeter {
        final AudioAnalyzer analyzer;
        final TruePeakOversampler accurate;
        private final boolean shared;

        OutputMeter(int channels, double rate, boolean spectrum, double floor) {
            shared = TruePeakOversampler.ratioFor(rate) == 4;
            accurate = shared ? TruePeakOversampler.accurateWithMeter(channels, floor) : TruePeakOversampler.accurate(channels, floor);
            analyzer = shared ? new AudioAnalyzer(channels, rate, spectrum, accurate) : new AudioAnalyzer(channels, rate, spectrum);
        }

        void add(AudioBuffer b) {
            analyzer.add(b);
            if (!shared) for (int c = 0; c < b.channels(); c++) accurate.process(c, b.channel(c), 0, b.frames());
        }
    }

    /** The verify pass computes the accurate true peak fully only where the output comes this close to the limiter's ceiling. */
    static final double VERIFY_FLOOR_DB = 1.0;

    /** The output is measured with the shared analysis alone: the mastering extras (tonal profile, silence, mid/side) decide nothing here. */
    private static Render finish(FloatSpool pre, double gainDb, TruePeakLimiter.Settings limiter, double trimDb, ProcessSpec spec, boolean spectrum,
                                 String name, AudioStreamWriter writer) {
        OutputMeter m = new OutputMeter(spec.channels(), spec.sampleRate(), spectrum, Math.pow(10, (limiter.ceilingDbtp() - VERIFY_FLOOR_DB) / 20));
        AudioAnalyzer an = m.analyzer;
        TruePeakOversampler accurate = m.accurate;
        MasteringChain.Finisher fin;
        try (BlockPipe meterPipe = BlockPipe.of(m::add, spec.channels(), MasteringChain.BLOCK, spec.sampleRate())) {
            Consumer<AudioBuffer> toAnalyzer = meterPipe.input();
            fin = new MasteringChain.Finisher(gainDb, limiter, trimDb, spec, b -> {
                toAnalyzer.accept(b);
                writer.write(b);
            });
            AudioBuffer block = AudioBuffer.allocate(spec.channels(), MasteringChain.BLOCK, spec.sampleRate());
            FloatSpool.Reader r = pre.reader();
            while (r.read(block) > 0) fin.process(block);
            fin.finish();
        }
        double peak = accurate.peak();
        return new Render(writer, an.result(name, null), fin.limiterStatistics(), peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY);
    }

    /**
     * Finds the gain whose predicted output loudness is the target; if the limiter would swallow more
     * than the safe amount of loudness on the way, stops at the gain where it swallows exactly that.
     */
    private static Solution solve(LoudnessModel model, TruePeakLimiter.Settings limiter, MasterSettings s, double maxGainDb, List<Warning> warnings) {
        double pre = model.predict(0, null).integratedLufs();
        if (!Double.isFinite(pre) || pre < Planner.NEAR_SILENCE_LUFS) {
            throw new MasteringException("the processed audio is silent or nearly silent: nothing to master");
        }
        double target = s.target().lufs();
        double g0 = target - pre;
        if (g0 > maxGainDb) g0 = maxGainDb;
        double f0 = model.predict(g0, limiter).integratedLufs();
        double ga = g0, fa = f0, slope = 1;
        double g1 = g0 + (target - f0), f1 = f0;
        for (int i = 0; i < 12 && Math.abs(fa - target) > 0.005; i++) {
            g1 = Math.min(maxGainDb, ga + (target - fa) / slope);
            f1 = model.predict(g1, limiter).integratedLufs();
            if (g1 != ga) slope = Math.max(0.05, Math.min(1.0, (f1 - fa) / (g1 - ga)));
            ga = g1;
            fa = f1;
            if (g1 == maxGainDb && fa < target) break;
        }
        double loss = pre + ga - fa;
        if (loss <= s.limiterAllowanceLu() && Math.abs(fa - target) < 0.2) return new Solution(ga, target, pre, slope, true);
        // too much limiting: bisect on the loss for the largest safe gain
        double lo = Math.min(ga, g0) - 12, hi = ga;
        for (int i = 0; i < 14; i++) {
            double mid = (lo + hi) / 2;
            LoudnessModel.Prediction p = model.predict(mid, limiter);
            if (pre + mid - p.integratedLufs() > s.limiterAllowanceLu()) hi = mid; else lo = mid;
        }
        LoudnessModel.Prediction safe = model.predict(lo, limiter);
        LoudnessModel.Prediction near = model.predict(lo + 0.1, limiter);
        double safeSlope = Math.max(0.05, Math.min(1, (near.integratedLufs() - safe.integratedLufs()) / 0.1));
        boolean reachable = fa >= target - 0.2;
        warnings.add(new Warning(Codes.TARGET_NOT_REACHED, "loudness", String.format(Locale.ROOT,
                "reaching %.1f LUFS would take %s%.1f LU of limiting (safe maximum %.1f LU, --max-limiting): stopped at %.1f LUFS with %+.1f dB gain; "
                        + "compress more before mastering or choose a quieter target", target, reachable ? "" : "more than ", loss,
                s.limiterAllowanceLu(), safe.integratedLufs(), lo)));
        return new Solution(lo, safe.integratedLufs(), pre, safeSlope, false);
    }
}
