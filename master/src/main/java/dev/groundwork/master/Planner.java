package dev.groundwork.master;

import dev.groundwork.core.dsp.Compressor;
import dev.groundwork.core.dsp.MultibandCompressor;
import dev.groundwork.core.dsp.StereoWidth;
import dev.groundwork.core.dsp.SubsonicFilter;
import dev.groundwork.core.dsp.TruePeakLimiter;
import dev.groundwork.master.analysis.BandDynamics;
import dev.groundwork.master.analysis.InputAnalysis;
import dev.groundwork.master.analysis.TonalProfile;
import dev.groundwork.master.plan.CleanStage;
import dev.groundwork.master.plan.DeliverStage;
import dev.groundwork.master.plan.DynamicsStage;
import dev.groundwork.master.plan.EqBand;
import dev.groundwork.master.plan.InspectStage;
import dev.groundwork.master.plan.LoudnessStage;
import dev.groundwork.master.plan.MultibandStage;
import dev.groundwork.master.plan.StereoStage;
import dev.groundwork.master.plan.Stages;
import dev.groundwork.master.plan.TonalBalanceStage;
import dev.groundwork.master.plan.Warning;
import dev.groundwork.master.plan.Warning.Codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decisions, as pure functions of the measurements and the producer's settings. The loudness
 * stage is left with a provisional gain: its final value needs the rendered pre-limiter audio.
 */
final class Planner {
    /** Quieter than this is treated as (near) silence: no gain could make a master of it. */
    static final double NEAR_SILENCE_LUFS = -60;
    /**
     * Distance the limiter's first ceiling stays under the target ceiling: the verify margin (0.05 dB) plus
     * the typical amount by which the continuous waveform overshoots the limiter's ×4 detector on music
     * (0.02–0.12 dB measured), so most songs pass the accurate check on the first render.
     */
    static final double CEILING_MARGIN_DB = 0.12;
    static final double MAX_EQ_DB = 3.0, MAX_SIDE_EQ_DB = 2.0;

    record Decision(Stages stages, List<Warning> warnings) { }

    private Planner() { }

    /** @param name the input's name, which an error about the input starts with (like every other error about a file) */
    static Decision decide(String name, InputAnalysis a, MasterSettings s, double workRate) {
        List<Warning> w = new ArrayList<>();
        InspectStage inspect = inspect(name, a, w);
        CleanStage clean = clean(a);
        TonalBalanceStage tonal = tonal(a, s);
        DynamicsStage dynamics = dynamics(a, s).withMultiband(multiband(a, s, tonal));
        StereoStage stereo = stereo(a, s);
        LoudnessStage loudness = provisionalLoudness(a, s, dynamics);
        DeliverStage deliver = new DeliverStage(workRate, s.bits(),
                (workRate == a.sampleRate() ? "input rate kept (" + hz(workRate) + ")" : "converted " + hz(a.sampleRate()) + " → " + hz(workRate) + " before processing, so the limiter works at the delivered rate")
                        + ", " + (s.bits().equals("16") ? "16-bit with TPDF dither" : s.bits().equals("24") ? "24-bit" : "32-bit float"));
        return new Decision(new Stages(inspect, clean, tonal, dynamics, stereo, loudness, deliver), w);
    }

    // ---- Inspect ----

    static InspectStage inspect(String name, InputAnalysis a, List<Warning> w) {
        if (!a.hasLoudness()) {
            throw new MasteringException(a.durationS() < 0.4
                    ? String.format(Locale.ROOT, "%s is too short to measure (%.2f s; at least 0.4 s needed)", name, a.durationS())
                    : name + " is silent: there is nothing to master");
        }
        if (a.integratedLufs() < NEAR_SILENCE_LUFS) {
            throw new MasteringException(String.format(Locale.ROOT,
                    "%s is nearly silent (%.1f LUFS, below %.0f LUFS): mastering it would only amplify noise; check the file", name, a.integratedLufs(), NEAR_SILENCE_LUFS));
        }
        List<String> f = new ArrayList<>();
        if (a.clippedSamples() > 0) add(w, f, Codes.CLIPPING, String.format(Locale.ROOT,
                "%d samples in runs at full scale: the input was clipped before mastering and the limiter cannot undo it", a.clippedSamples()));
        if (Double.isFinite(a.plrDb()) && a.plrDb() < 8) add(w, f, Codes.HEAVY_LIMITING, String.format(Locale.ROOT,
                "peak-to-loudness ratio %.1f dB: the input is already heavily limited, little room is left for dynamics", a.plrDb()));
        if (a.dcOffsetDbfs() > -60) add(w, f, Codes.DC_OFFSET, String.format(Locale.ROOT,
                "DC offset %.1f dBFS: the clean stage removes it", a.dcOffsetDbfs()));
        if (a.leadingSilenceS() > 2) add(w, f, Codes.SILENCE_AT_START, String.format(Locale.ROOT,
                "%.1f s of silence at the start: trim it if it is not intended", a.leadingSilenceS()));
        if (a.trailingSilenceS() > 2) add(w, f, Codes.SILENCE_AT_END, String.format(Locale.ROOT,
                "%.1f s of silence at the end: trim it if it is not intended", a.trailingSilenceS()));
        if (a.durationS() < 10) add(w, f, Codes.SHORT_MATERIAL, String.format(Locale.ROOT,
                "only %.1f s long: loudness and spectrum decisions rest on little material", a.durationS()));
        if (a.channels() == 2 && a.sideToMidDb() < -50) add(w, f, Codes.MONO_IN_STEREO, String.format(Locale.ROOT,
                "both channels are the same (side %.0f dB under mid): mono in a stereo file; width processing is skipped", Math.max(-200, a.sideToMidDb())));
        String reason = String.format(Locale.ROOT, "measured %.1f LUFS integrated, LRA %.1f LU, true peak %.1f dBTP, PLR %.1f dB over %.1f s%s",
                a.integratedLufs(), nanToZero(a.loudnessRangeLu()), a.truePeakDbtp(), a.plrDb(), a.durationS(),
                f.isEmpty() ? "; nothing unusual found" : "; " + f.size() + " finding(s)");
        return new InspectStage(f, reason);
    }

    private static void add(List<Warning> w, List<String> findings, String code, String message) {
        w.add(new Warning(code, "inspect", message));
        findings.add(code);
    }

    // ---- Clean ----

    static CleanStage clean(InputAnalysis a) {
        boolean rumble = a.subsonicShareDb() > -20;
        SubsonicFilter.Settings hp = new SubsonicFilter.Settings(rumble ? 30 : 20, 4);
        String reason = rumble
                ? String.format(Locale.ROOT, "%.1f dB of the energy lies below 30 Hz (rumble, not music): 24 dB/oct high-pass at 30 Hz", a.subsonicShareDb())
                : String.format(Locale.ROOT, "DC (%.0f dBFS) and sub-audio removal: 24 dB/oct high-pass at 20 Hz; below-30 Hz share %.0f dB", Math.max(-200, a.dcOffsetDbfs()), Math.max(-99, a.subsonicShareDb()));
        return new CleanStage(hp, reason);
    }

    // ---- Tonal balance ----

    /**
     * An EQ band: type, centre, Q; {@code loHz..hiHz} is the range of third-octave bands a side band answers for (mid bands
     * are read through their own filter's response, see {@link #readMid}); {@code scale} is applied to the correction.
     */
    private record BandSpec(String type, double hz, double q, double loHz, double hiHz, double scale) { }

    private static final List<BandSpec> MID_BANDS = List.of(
            new BandSpec("low_shelf", 60, 0.7, 30, 80, 1.0),
            new BandSpec("peak", 125, 1.0, 100, 160, 0.7),
            new BandSpec("peak", 250, 1.0, 200, 315, 0.7),
            new BandSpec("peak", 500, 1.0, 400, 630, 0.7),
            new BandSpec("peak", 1000, 1.0, 800, 1250, 0.7),
            new BandSpec("peak", 2000, 1.0, 1600, 2500, 0.7),
            new BandSpec("peak", 4000, 1.0, 3150, 5000, 0.7),
            new BandSpec("high_shelf", 10000, 0.7, 8000, 16000, 1.0));

    private static final List<BandSpec> SIDE_BANDS = List.of(
            new BandSpec("peak", 300, 0.8, 200, 500, 0.7),
            new BandSpec("peak", 1200, 0.8, 630, 2000, 0.7),
            new BandSpec("high_shelf", 5000, 0.7, 3150, 12500, 1.0));

    static TonalBalanceStage tonal(InputAnalysis a, MasterSettings s) {
        String curve = s.reference() != null ? "reference:" + (s.referenceName() == null ? "track" : s.referenceName()) : "neutral";
        double amount = s.eqAmount() / 100 * s.character().eqScale;
        if (a.tonal() == null) {
            return new TonalBalanceStage(curve, s.eqAmount(), List.of(), List.of(), "too short for a spectrum: no EQ");
        }
        TonalProfile target = s.reference() != null ? s.reference() : TonalProfile.neutralTarget();
        double nyquistLimit = a.sampleRate() * 0.42;
        Reading reading = readMid(a.tonal(), target, a.sampleRate(), nyquistLimit);
        List<EqBand> mid = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < MID_BANDS.size(); j++) {
            BandSpec b = MID_BANDS.get(j);
            double diff = reading.gainDb[j];
            double gain = clamp(-diff * amount * b.scale, MAX_EQ_DB);
            if (b.type.equals("low_shelf")) gain += s.character().lowTiltDb;
            if (b.type.equals("high_shelf")) gain += s.character().highTiltDb;
            gain = round1(clamp(gain, MAX_EQ_DB + 1.5));
            if (Math.abs(gain) < 0.2) gain = 0;
            if (b.hz >= nyquistLimit) gain = 0;
            mid.add(new EqBand(b.type, b.hz, b.q, gain));
            if (gain != 0) notes.add(String.format(Locale.ROOT, "%s %+.1f dB (input %+.1f dB vs target as this filter's gain; masters spread ±%.1f dB here)",
                    label(b), gain, diff, reading.spreadDb[j] / 2));
        }
        List<EqBand> side = new ArrayList<>();
        boolean stereo = a.channels() == 2 && a.sideToMidDb() > -50;
        if (stereo) {
            for (BandSpec b : SIDE_BANDS) {
                double diff = meanDiff(a.tonal().sideMinusMidDb(), target.sideMinusMidDb(), a.tonal().bandHz(), b.loHz, Math.min(b.hiHz, nyquistLimit));
                double gain = round1(clamp(-diff * amount * 0.5 * b.scale, MAX_SIDE_EQ_DB));
                if (Math.abs(gain) < 0.2 || b.hz >= nyquistLimit) gain = 0;
                side.add(new EqBand(b.type, b.hz, b.q, gain));
                if (gain != 0) notes.add(String.format(Locale.ROOT, "side %s %+.1f dB", label(b), gain));
            }
        }
        String reason = String.format(Locale.ROOT, "loudest 30 %% of the input compared with the %s curve at %.0f %% amount (%s): %s",
                curve, s.eqAmount(), s.character().id(), notes.isEmpty() ? "already close, EQ flat" : String.join("; ", notes));
        return new TonalBalanceStage(curve, s.eqAmount(), mid, side, reason);
    }

    /** Spread assumed where a target carries none, dB (a typical value of the neutral target's). */
    static final double DEFAULT_SPREAD_DB = 6;
    /** Bands where a filter moves less than this share of its gain do not inform its reading. */
    static final double READ_SUPPORT = 0.25;

    /**
     * The input's deviation from the target in the units of each mid EQ band: per band, the gain of that band's own
     * filter that best explains the difference over the third-octave bands the filter moves (weighted least squares,
     * each band weighted by 1 / spread², so bands where professional masters disagree anyway count less), after
     * removing the overall level offset (the median of the difference over the bands). So a +6 dB shelf reads +6 dB, and a
     * mix whose midrange sits low is not read as bass and treble far above the target just because both profiles are
     * expressed relative to their own 200 Hz – 5 kHz mean.
     */
    record Reading(double[] gainDb, double[] spreadDb, double offsetDb) { }

    static Reading readMid(TonalProfile in, TonalProfile target, double sampleRate, double maxHz) {
        double[] hz = in.bandHz();
        double[] spread = target.midSpreadDb() != null ? target.midSpreadDb() : TonalProfile.neutralTarget().midSpreadDb();
        int n = hz.length;
        double[] diff = new double[n], weight = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = in.midDb()[i] - target.midDb()[i];
            double sp = spread == null ? DEFAULT_SPREAD_DB : Math.max(3, spread[i]);
            weight[i] = hz[i] * Math.pow(2, 1 / 6.0) < maxHz ? 1 / (sp * sp) : 0;
        }
        // the level where most of the spectrum agrees with the target: every usable band has one vote, so neither a
        // broad boost nor a scooped midrange (where the weights are largest) moves it
        double[] votes = new double[n];
        for (int i = 0; i < n; i++) votes[i] = weight[i] > 0 ? 1 : 0;
        double offset = weightedMedian(diff, votes);
        double[] gains = new double[MID_BANDS.size()], spreads = new double[MID_BANDS.size()];
        for (int j = 0; j < MID_BANDS.size(); j++) {
            BandSpec b = MID_BANDS.get(j);
            if (b.hz >= maxHz) continue;
            var filter = EqBand.design(b.type, sampleRate, b.hz, b.q, 1); // as the renderer designs it
            double num = 0, den = 0, sp = 0, sw = 0;
            for (int i = 0; i < n; i++) {
                double r = filter.magnitudeDb(hz[i], sampleRate); // dB per dB of gain
                if (weight[i] == 0 || Math.abs(r) < READ_SUPPORT) continue;
                num += weight[i] * r * (diff[i] - offset);
                den += weight[i] * r * r;
                sp += r * (spread == null ? DEFAULT_SPREAD_DB : spread[i]);
                sw += r;
            }
            gains[j] = den > 0 ? num / den : 0;
            spreads[j] = sw > 0 ? sp / sw : DEFAULT_SPREAD_DB;
        }
        return new Reading(gains, spreads, offset);
    }

    static double weightedMedian(double[] v, double[] w) {
        Integer[] order = new Integer[v.length];
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
            total += w[i];
        }
        if (total <= 0) return 0;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double acc = 0;
        for (int i : order) {
            acc += w[i];
            if (acc >= total / 2) return v[i];
        }
        return v[order[v.length - 1]];
    }

    private static String label(BandSpec b) {
        String f = b.hz >= 1000 ? String.format(Locale.ROOT, "%.0f kHz", b.hz / 1000) : String.format(Locale.ROOT, "%.0f Hz", b.hz);
        return switch (b.type) {
            case "low_shelf" -> "low shelf " + f;
            case "high_shelf" -> "high shelf " + f;
            default -> f;
        };
    }

    private static double meanDiff(double[] in, double[] target, double[] hz, double lo, double hi) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < hz.length; i++) {
            if (hz[i] >= lo * 0.99 && hz[i] <= hi * 1.01) {
                s += in[i] - target[i];
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    // ---- Dynamics ----

    static DynamicsStage dynamics(InputAnalysis a, MasterSettings s) {
        double intensity = Math.max(0, Math.min(100, s.intensity() + s.character().intensityOffset));
        double i = intensity / 100;
        if (intensity == 0) return new DynamicsStage(false, Compressor.Settings.DEFAULT, intensity, "intensity 0 %: dynamics left alone");
        if (a.plrDb() < 8) {
            return new DynamicsStage(false, Compressor.Settings.DEFAULT, intensity, String.format(Locale.ROOT,
                    "input already dense (PLR %.1f dB): no glue compression", a.plrDb()));
        }
        boolean sparse = a.sparseness() > 0.35 || a.plrDb() > 20;
        double loud = a.integratedLufs();
        if (sparse) {
            double ratio = round1(1.15 + 0.35 * i);
            Compressor.Settings c = new Compressor.Settings(round1(clampRange(loud + 4 - 2 * i, -60, -1)), ratio, 40, 450, 8, 0, 30);
            return new DynamicsStage(true, c, intensity, String.format(Locale.ROOT,
                    "sparse material (%.0f %% of the time >10 LU under the average, PLR %.1f dB): very gentle %.2f:1 with a slow 450 ms release so it cannot pump",
                    100 * a.sparseness(), a.plrDb(), ratio));
        }
        double ratio = round1(1.3 + 1.2 * i);
        double attack = round1(30 * s.character().attackScale);
        double threshold = round1(clampRange(loud + 4 - 6 * i, -60, -1));
        Compressor.Settings c = new Compressor.Settings(threshold, ratio, attack, 180, 6, 0, 10);
        return new DynamicsStage(true, c, intensity, String.format(Locale.ROOT,
                "glue: %.1f:1 above %.1f dB (input %.1f LUFS, PLR %.1f dB, intensity %.0f %%), %.0f ms attack keeps transients, 180 ms release",
                ratio, threshold, loud, a.plrDb(), intensity, attack));
    }

    /** Below this short-term crest a band is steady: compressing it would only flatten it. */
    static final double STEADY_CREST_DB = 3;

    /**
     * Per-band compression, only where a band jumps: each band's ratio grows with its short-term crest factor and the
     * intensity, its threshold sits a few dB under the level of its loudest frames (so only those are turned down,
     * about 1 dB at the default intensity), with attack and release long in the bass (no waveform distortion, no
     * pumping) and short in the treble. Sparse and already dense material is left to the glue stage.
     */
    static MultibandStage multiband(InputAnalysis a, MasterSettings s, TonalBalanceStage tonal) {
        boolean asked = s.multiband() || s.character().multiband;
        if (!asked) return null;
        double intensity = Math.max(0, Math.min(100, s.intensity() + s.character().intensityOffset));
        double i = intensity / 100;
        String who = s.multiband() ? "--multiband" : s.character().id() + " character";
        if (a.bandDynamics().size() != 3) return MultibandStage.off(who + ": too short to measure the bands; multiband off");
        if (intensity == 0) return MultibandStage.off(who + ": intensity 0 %; multiband off");
        if (a.plrDb() < 8) return MultibandStage.off(String.format(Locale.ROOT, "%s: input already dense (PLR %.1f dB); multiband off", who, a.plrDb()));
        if (a.sparseness() > 0.35 || a.plrDb() > 20) {
            return MultibandStage.off(String.format(Locale.ROOT, "%s: sparse material (%.0f %% of the time >10 LU under the average, PLR %.1f dB): per-band compression would pump; multiband off",
                    who, 100 * a.sparseness(), a.plrDb()));
        }
        double[][] timing = {{30, 300, 30}, {15, 200, 10}, {5, 120, 5}}; // attack ms, release ms, RMS window ms
        Compressor.Settings[] bands = new Compressor.Settings[3];
        List<String> why = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            BandDynamics d = a.bandDynamics().get(b);
            double drive = Math.max(0, Math.min(1, (d.crestDb() - STEADY_CREST_DB) / 6));
            double ratio = round1(1 + i * drive * 1.5);
            // the stage runs after the EQ: its thresholds follow the level the EQ leaves in the band
            double level = d.loudLevelDbfs() + eqGainDb(a, tonal, d.loHz(), d.hiHz());
            double threshold = round1(clampRange(level - (1 + 4 * i), -80, 0));
            bands[b] = new Compressor.Settings(threshold, Math.max(1, ratio), timing[b][0], timing[b][1], 6, 0, timing[b][2]);
            why.add(ratio <= 1.05
                    ? String.format(Locale.ROOT, "%s steady (crest %.1f dB): left alone", d.band(), d.crestDb())
                    : String.format(Locale.ROOT, "%s crest %.1f dB → %.1f:1 above %.1f dBFS (loudest frames %.1f dBFS after the EQ)", d.band(), d.crestDb(), ratio, threshold, level));
        }
        MultibandCompressor.Settings settings = new MultibandCompressor.Settings(InputAnalysis.LOW_CROSSOVER_HZ, InputAnalysis.HIGH_CROSSOVER_HZ, bands[0], bands[1], bands[2]);
        return new MultibandStage(true, settings, a.bandDynamics(), String.format(Locale.ROOT,
                "%s, intensity %.0f %%: Linkwitz-Riley split at %.0f Hz and %.1f kHz; %s", who, intensity,
                InputAnalysis.LOW_CROSSOVER_HZ, InputAnalysis.HIGH_CROSSOVER_HZ / 1000, String.join("; ", why)));
    }

    /** Energy-weighted mean gain of the mid EQ over the third-octave bands between {@code loHz} and {@code hiHz}, dB. */
    static double eqGainDb(InputAnalysis a, TonalBalanceStage tonal, double loHz, double hiHz) {
        if (a.tonal() == null || tonal.mid().isEmpty()) return 0;
        double fs = a.sampleRate(), before = 0, after = 0;
        for (int b = 0; b < a.tonal().bandHz().length; b++) {
            double hz = a.tonal().bandHz()[b];
            if (hz < loHz || hz >= hiHz || hz >= fs * 0.45) continue;
            double p = Math.pow(10, a.tonal().midDb()[b] / 10), db = 0;
            for (EqBand e : tonal.mid()) {
                if (e.gainDb() == 0) continue;
                db += e.coefficients(fs).magnitudeDb(hz, fs);
            }
            before += p;
            after += p * Math.pow(10, db / 10);
        }
        return before > 0 ? 10 * Math.log10(after / before) : 0;
    }

    // ---- Stereo ----

    static StereoStage stereo(InputAnalysis a, MasterSettings s) {
        if (a.channels() != 2) return new StereoStage(StereoWidth.Settings.NEUTRAL, 1, "mono input: no stereo processing");
        if (a.sideToMidDb() < -50) return new StereoStage(StereoWidth.Settings.NEUTRAL, a.correlation(), "mono in stereo: no stereo processing");
        double width = s.character().width;
        List<String> why = new ArrayList<>();
        if (a.correlation() < 0) {
            width = Math.min(width, 0.7);
            why.add(String.format(Locale.ROOT, "correlation %.2f is negative (phase problems, mono playback loses level): narrowed to %.2f", a.correlation(), width));
        } else if (a.correlation() < 0.2) {
            width = Math.min(width, 0.85);
            why.add(String.format(Locale.ROOT, "correlation %.2f is low: narrowed to %.2f for mono safety", a.correlation(), width));
        } else if (width > 1 && a.correlation() < 0.5) {
            width = 1.0;
            why.add(String.format(Locale.ROOT, "correlation %.2f leaves no safe room to widen: width kept", a.correlation()));
        } else if (width != 1) {
            why.add(String.format(Locale.ROOT, "%s character: width %.2f (correlation %.2f allows it)", s.character().id(), width, a.correlation()));
        }
        double monoBass = 0;
        if (a.bassSideToMidDb() > -15) {
            monoBass = 100;
            why.add(String.format(Locale.ROOT, "side below 120 Hz measured %.1f dB under mid: bass made mono below 100 Hz", a.bassSideToMidDb()));
        }
        if (why.isEmpty()) why.add(String.format(Locale.ROOT, "correlation %.2f, side %.1f dB under mid, bass side %.1f dB under mid: image left as it is",
                a.correlation(), -a.sideToMidDb(), -a.bassSideToMidDb()));
        return new StereoStage(new StereoWidth.Settings(round2(width), monoBass), a.correlation(), String.join("; ", why));
    }

    // ---- Loudness ----

    static LoudnessStage provisionalLoudness(InputAnalysis a, MasterSettings s, DynamicsStage dyn) {
        double release = s.character() == Character.LOUD ? 50 : (dyn.enabled() && dyn.compressor().releaseMs() > 300 ? 150 : 80);
        TruePeakLimiter.Settings lim = new TruePeakLimiter.Settings(s.target().ceilingDbtp() - CEILING_MARGIN_DB, 1.5, release);
        return new LoudnessStage(clampRange(s.target().lufs() - a.integratedLufs(), -60, 60), lim, 0, s.target().lufs(), s.target().ceilingDbtp(), 0, "provisional");
    }

    // ---- helpers ----

    static double clamp(double v, double max) { return Math.max(-max, Math.min(max, v)); }

    static double clampRange(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }

    static double round2(double v) { return Math.round(v * 100) / 100.0; }

    static double nanToZero(double v) { return Double.isFinite(v) ? v : 0; }

    static String hz(double rate) { return rate % 1000 == 0 ? String.format(Locale.ROOT, "%.0f kHz", rate / 1000) : String.format(Locale.ROOT, "%.1f kHz", rate / 1000); }

}
