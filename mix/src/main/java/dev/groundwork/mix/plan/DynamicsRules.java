package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.roles.Role;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gentle compression by role, driven by the measured dynamics: the crest factor decides whether and
 * how much (a dense stem is left alone), the threshold is solved from the stem's own distribution of
 * 46 ms levels so the expected power-weighted gain reduction meets the role's target, attack follows
 * transient density (slow enough to keep the hit), release follows the time between onsets, and
 * make-up returns the loudness the compressor takes (the compressor run on the stem's own 2.9 ms envelope)
 * so the planned loudness holds. Bass and 808 are ducked under
 * the kick when their low ends collide; drum stems share a glue compressor on the drum bus.
 */
final class DynamicsRules {
    /** Target mean reduction (dB) and ratio per role; ratio 1 = no compressor. */
    private record RoleDynamics(double targetDb, double ratio, double attackMs) { }

    private static final Map<Role, RoleDynamics> BY_ROLE = new EnumMap<>(Role.class);

    static {
        BY_ROLE.put(Role.LEAD_VOCAL, new RoleDynamics(3.0, 2.5, 5));
        BY_ROLE.put(Role.BACKING_VOCALS, new RoleDynamics(2.5, 2.5, 5));
        BY_ROLE.put(Role.BASS, new RoleDynamics(3.0, 3.0, 10));
        BY_ROLE.put(Role.SUB_808, new RoleDynamics(1.5, 2.0, 10));
        BY_ROLE.put(Role.KICK, new RoleDynamics(1.5, 3.0, 20));
        BY_ROLE.put(Role.SNARE, new RoleDynamics(2.0, 3.0, 10));
        BY_ROLE.put(Role.PERCUSSION, new RoleDynamics(1.5, 2.0, 10));
        BY_ROLE.put(Role.FULL_DRUMS, new RoleDynamics(2.0, 2.5, 20));
        BY_ROLE.put(Role.GUITAR, new RoleDynamics(2.0, 2.5, 10));
        BY_ROLE.put(Role.KEYS, new RoleDynamics(1.5, 2.0, 10));
        BY_ROLE.put(Role.SYNTH_LEAD, new RoleDynamics(1.5, 2.0, 5));
        BY_ROLE.put(Role.STRINGS_BRASS, new RoleDynamics(1.0, 1.5, 20));
        BY_ROLE.put(Role.HATS, new RoleDynamics(0, 1, 10));
        BY_ROLE.put(Role.PAD, new RoleDynamics(0, 1, 10));
        BY_ROLE.put(Role.FX, new RoleDynamics(0, 1, 10));
    }

    private static final double KNEE_DB = 6, RMS_MS = 10;

    private DynamicsRules() { }

    static List<StemPlan> apply(List<StemPlan> stems, List<StemProfile> profiles, double amount, double sessionRate) {
        List<StemPlan> compressed = new ArrayList<>();
        List<Integer> kicks = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            StemPlan p = stems.get(i);
            if (p.role() == Role.KICK && !p.silent()) kicks.add(i);
            compressed.add(p.withDynamics(p.silent() ? null : compressor(p, profiles.get(i), amount, sessionRate), null));
        }
        List<StemPlan> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            StemPlan p = compressed.get(i);
            DuckingPlan d = null;
            if (!p.silent() && (p.role() == Role.BASS || p.role() == Role.SUB_808) && !kicks.isEmpty()) {
                d = ducking(p, profiles.get(i), kicks.stream().map(compressed::get).toList(), kicks.stream().map(profiles::get).toList(), sessionRate);
            }
            out.add(p.withDynamics(p.compression(), d));
        }
        return out;
    }

    private static CompressionPlan compressor(StemPlan p, StemProfile prof, double amount, double sessionRate) {
        RoleDynamics rd = BY_ROLE.get(p.role());
        double crest = p.measured().crestDb();
        if (rd.ratio <= 1 || amount <= 0) return null;
        if (crest < 10) return null;
        double target = rd.targetDb * Math.max(0.4, Math.min(1.3, (crest - 10) / 8)) * amount;
        double ratio = rd.ratio;
        if (crest > 20 && p.role() != Role.LEAD_VOCAL && p.role() != Role.BASS) ratio += 0.5;
        boolean percussive = p.measured().transientsPerSecond() > 1.5 && crest > 15;
        double attack = percussive ? Math.max(rd.attackMs, 15) : rd.attackMs;
        double gap = prof.medianOnsetGapSeconds();
        double release = Double.isFinite(gap) && gap < 2 ? clamp(600 * gap, 60, 250) : (p.role() == Role.LEAD_VOCAL ? 120 : 180);
        // Solve the threshold (post-fader dBFS) whose expected reduction meets the target.
        float[] lv = prof.shortLevelsDb();
        double loud = p.measured().activeLoudnessLufs();
        // Levels and the bisection are pre-fader; the plan holds the post-fader threshold.
        double lo = loud - 40, hi = loud + 30;
        for (int it = 0; it < 40; it++) {
            double mid = 0.5 * (lo + hi);
            if (expectedReduction(lv, mid, ratio, loud - 20) > target) lo = mid; else hi = mid;
        }
        double threshold = round1(0.5 * (lo + hi) + p.gainDb());
        double expected = expectedReduction(lv, threshold - p.gainDb(), ratio, loud - 20);
        if (expected < 0.3) return null;
        // Make-up returns what the meter loses. The compressor is run on the stem's own 2.9 ms envelope with the
        // planned attack, release, knee and detector (the attack lets the first milliseconds of each hit through,
        // which a static curve on 46 ms windows cannot see: that over-estimated snares and kicks by up to 1 LU).
        // The detector hears the stem after the EQ (a high-pass under a kick's sub takes level from it).
        double makeup = round1(simulatedLoudnessLoss(prof.envelope(), threshold - p.gainDb() - LevelCompensation.eqChangeDb(p, prof, sessionRate, false),
                ratio, KNEE_DB, attack, round1(release), RMS_MS));
        String why = String.format(Locale.ROOT, "%s, crest %.1f dB: about %.1f dB of reduction%s; %s attack %.0f ms, release %.0f ms%s",
                p.role().id().replace('_', ' '), crest, expected, crest > 18 ? " (very dynamic)" : "",
                percussive ? "transient-friendly" : "", attack, release,
                Double.isFinite(gap) && gap < 2 ? String.format(Locale.ROOT, " (onsets every %.0f ms)", gap * 1000) : "");
        return new CompressionPlan(threshold, ratio, attack, round1(release), KNEE_DB, makeup, RMS_MS, round1(expected), why.replace(";  ", "; "));
    }

    /** Power-weighted mean gain reduction over the windows within 20 dB of the stem's level (pre-fader levels). */
    static double expectedReduction(float[] levelsDb, double thresholdDb, double ratio, double floorDb) {
        double num = 0, den = 0, slope = 1 - 1 / ratio;
        for (float l : levelsDb) {
            if (!(l > floorDb)) continue;
            double w = Math.pow(10, l / 10);
            num += w * Math.max(0, (l - thresholdDb) * slope);
            den += w;
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * Loss of gated loudness (dB, ≥ 0) when {@link dev.groundwork.core.dsp.Compressor} with these settings runs on
     * the stem: its RMS detector and gain smoothing stepped hop by hop over the envelope (exact for a signal
     * steady within each hop, the gain taken as the mean of its values at the hop's ends), and the loudness
     * gated as BS.1770 gates it (400 ms blocks every 100 ms, relative gate 10 dB under the mean), before and after.
     * Levels are pre-fader, as the threshold here.
     */
    static double simulatedLoudnessLoss(dev.groundwork.mix.analysis.StemProfile.Envelope env, double thresholdDb, double ratio, double kneeDb,
                                        double attackMs, double releaseMs, double rmsMs) {
        float[] e = env.energy();
        double[] gain = simulatedGainDb(env, thresholdDb, ratio, kneeDb, attackMs, releaseMs, rmsMs);
        return loudnessLoss(e, gain, env.hopSeconds());
    }

    /**
     * The compressor's gain (dB, the mean of its values at each hop's ends) hop by hop over the envelope: its RMS
     * detector and gain smoothing stepped per hop (exact for a signal steady within each hop).
     */
    static double[] simulatedGainDb(dev.groundwork.mix.analysis.StemProfile.Envelope env, double thresholdDb, double ratio, double kneeDb,
                                    double attackMs, double releaseMs, double rmsMs) {
        float[] d = env.detectorMeanSquare(), e = env.energy();
        int n = Math.min(d.length, e.length);
        double hop = env.hopSeconds();
        double rmsCoef = Math.exp(-hop / (rmsMs * 1e-3)), attack = Math.exp(-hop / (attackMs * 1e-3)), release = Math.exp(-hop / (releaseMs * 1e-3));
        double ms = 0;
        double[] levelDb = new double[n];
        for (int i = 0; i < n; i++) {
            ms = rmsCoef * ms + (1 - rmsCoef) * d[i];
            levelDb[i] = ms > 0 ? 10 * Math.log10(ms) : Double.NEGATIVE_INFINITY;
        }
        return smoothedGainDb(levelDb, thresholdDb, ratio, kneeDb, attack, release);
    }

    /**
     * A compressor's gain (dB per hop, the mean of its values at the hop's ends) for a detector level per hop: the
     * soft-knee curve, then the attack/release smoothing stepped per hop ({@code attack}, {@code release}: the
     * per-hop coefficients). Shared by the compressor's and the ducker's simulations, which differ in their detector.
     */
    private static double[] smoothedGainDb(double[] levelDb, double thresholdDb, double ratio, double kneeDb, double attack, double release) {
        double slope = 1 - 1 / ratio, gainDb = 0;
        double[] gain = new double[levelDb.length];
        for (int i = 0; i < levelDb.length; i++) {
            double target = dev.groundwork.core.dsp.Compressor.staticGainDb(levelDb[i], thresholdDb, kneeDb, slope);
            double coef = target < gainDb ? attack : release;
            double next = coef * gainDb + (1 - coef) * target;
            gain[i] = 0.5 * (gainDb + next);
            gainDb = next;
        }
        return gain;
    }

    /** Loss of gated loudness (dB, ≥ 0) of an energy curve under a gain curve (dB per hop). */
    private static double loudnessLoss(float[] e, double[] gainDb, double hop) {
        int n = Math.min(e.length, gainDb.length);
        if (n == 0) return 0;
        double[] before = new double[n], after = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = e[i];
            after[i] = e[i] * Math.pow(10, gainDb[i] / 10);   // the gain's mean over the hop, squared
        }
        double dry = gatedMean(before, hop), processed = gatedMean(after, hop);
        return dry > 0 && processed > 0 ? Math.max(0, 10 * Math.log10(dry / processed)) : 0;
    }

    /** BS.1770 gating on an energy curve: mean of the 400 ms blocks (100 ms apart) within 10 dB of the mean of all blocks. */
    private static double gatedMean(double[] x, double hop) {
        int n = x.length;
        int step = Math.max(1, (int) Math.round(0.1 / hop)), block = 4 * step;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
        java.util.List<Double> blocks = new ArrayList<>();
        for (int start = 0; start + block <= n; start += step) blocks.add((prefix[start + block] - prefix[start]) / block);
        if (blocks.isEmpty()) blocks.add(prefix[n] / n);
        double all = 0;
        int count = 0;
        for (double b : blocks) if (b > 0) { all += b; count++; }
        if (count == 0) return 0;
        double gate = 0.1 * all / count, sum = 0;
        count = 0;
        for (double b : blocks) if (b > gate) { sum += b; count++; }
        return count == 0 ? 0 : sum / count;
    }

    private static DuckingPlan ducking(StemPlan bass, StemProfile bassProf, List<StemPlan> kicks, List<StemProfile> kickProfs, double sessionRate) {
        double bassLow = bass.measured().lowRatio();
        StemPlan k = kicks.get(0);
        double kickLow = k.measured().lowRatio();
        int kb = loudestLowBand(kickProfs.get(0).bandLevelsDb()), bb = loudestLowBand(bassProf.bandLevelsDb());
        if (bassLow < 0.25 || kickLow < 0.25 || Math.abs(kb - bb) > 3) return null;
        double depth = bass.role() == Role.SUB_808 ? 5 : 4;
        double ratio = 4;
        // The kick's hits (90th percentile of its 46 ms peaks, post-fader) should pull the bass down by `depth`.
        float[] pk = kickProfs.get(0).peakLevelsDb().clone();
        java.util.Arrays.sort(pk);
        double hit = pk.length == 0 ? -12 : pk[(int) (pk.length * 0.9)] + k.gainDb();
        double threshold = round1(hit - depth / (1 - 1 / ratio));
        double gap = kickProfs.get(0).medianOnsetGapSeconds();
        double release = Double.isFinite(gap) ? clamp(400 * gap, 60, 150) : 100;
        double attack = 2;
        double makeup = round1(simulatedDuckingLoss(bassProf.envelope(), kicks, kickProfs, threshold, ratio, attack, round1(release), sessionRate));
        String why = String.format(Locale.ROOT, "kick and %s share the low end (kick loudest near %.0f Hz, %s near %.0f Hz; %.0f %% and %.0f %% below 150 Hz): duck %.0f dB on each hit",
                bass.role().id(), dev.groundwork.mix.analysis.Bands.CENTRES[kb], bass.role().id(), dev.groundwork.mix.analysis.Bands.CENTRES[bb],
                100 * kickLow, 100 * bassLow, depth);
        if (makeup > 0) why += String.format(Locale.ROOT, "; make-up %+.1f dB returns the loudness the ducking takes (simulated on the kick's and %s's envelopes)",
                makeup, bass.role().id());
        return new DuckingPlan(kicks.stream().map(StemPlan::file).toList(), threshold, ratio, attack, round1(release), depth, makeup, why);
    }

    /**
     * Loss of gated loudness (dB, ≥ 0) of the ducked stem: the ducker (peak detector on the kicks' summed strip
     * outputs) stepped hop by hop over the kicks' analysed envelopes, each kick taken through its fader, EQ and
     * compressor as planned (the compressor's gain simulated as for its own make-up), the ducker's gain applied to
     * the ducked stem's energy and gated as BS.1770 gates it, before and after. The key's level in a hop is the kick's
     * measured mid peak there (the ducker's detector is a peak detector); several kicks add in power.
     */
    static double simulatedDuckingLoss(StemProfile.Envelope ducked, List<StemPlan> kicks, List<StemProfile> kickProfs,
                                       double thresholdDb, double ratio, double attackMs, double releaseMs, double sessionRate) {
        float[] e = ducked.energy();
        int n = e.length;
        if (n == 0) return 0;
        double hop = ducked.hopSeconds();
        double[] key = new double[n];   // the key's peak per hop of the ducked stem, squared
        for (int k = 0; k < kicks.size(); k++) {
            StemPlan kick = kicks.get(k);
            StemProfile.Envelope ke = kickProfs.get(k).envelope();
            // The key's peak in a hop: measured on the kick's mid signal, or (older analyses) its RMS there.
            float[] d = ke.midPeak() != null ? squares(ke.midPeak()) : ke.energy();
            double eqDb = LevelCompensation.eqChangeDb(kick, kickProfs.get(k), sessionRate, false);
            double[] comp = null;
            CompressionPlan c = kick.compression();
            if (c != null) comp = simulatedGainDb(ke, c.thresholdDb() - kick.gainDb() - eqDb, c.ratio(), c.kneeDb(), c.attackMs(), c.releaseMs(), c.rmsMs());
            double g = Math.pow(10, (kick.gainDb() + eqDb + (c == null ? 0 : c.makeupDb())) / 10) * keyPanPower(kick, ke.midPeak() != null);
            for (int i = 0; i < n; i++) {
                int j = (int) Math.round(i * hop / ke.hopSeconds());
                if (j < d.length) key[i] += g * d[j] * (comp == null || j >= comp.length ? 1 : Math.pow(10, comp[j] / 10));
            }
        }
        double[] levelDb = new double[n];
        for (int i = 0; i < n; i++) levelDb[i] = key[i] > 0 ? 10 * Math.log10(key[i]) : Double.NEGATIVE_INFINITY;
        double[] gain = smoothedGainDb(levelDb, thresholdDb, ratio, DuckingPlan.KNEE_DB,
                Math.exp(-hop / (attackMs * 1e-3)), Math.exp(-hop / (releaseMs * 1e-3)));
        return loudnessLoss(e, gain, hop);
    }

    /**
     * The power of the key (the mean of the kick strip's two outputs) relative to what was measured: the kick's
     * mid peak ({@code ofMid}) or its energy in both channels. The pan gains are the strip's (constant power for
     * mono, balance for stereo); from the energy, the channels' share comes from the measured left/right balance
     * (a kick taken as one signal in both channels).
     */
    private static double keyPanPower(StemPlan kick, boolean ofMid) {
        double p = kick.pan();
        if (kick.measured().channels() == 1) {
            double a = (p + 1) * Math.PI / 4;
            double m = 0.5 * (Math.cos(a) + Math.sin(a));
            return m * m;
        }
        double gl = p > 0 ? 1 - p : 1, gr = p < 0 ? 1 + p : 1;
        if (ofMid) return 0.25 * (gl + gr) * (gl + gr);
        double rho = Math.pow(10, kick.measured().lrBalanceDb() / 10);   // left over right energy
        double l = Math.sqrt(rho / (1 + rho)), r = Math.sqrt(1 / (1 + rho));
        double m = 0.5 * (gl * l + gr * r);
        return m * m;
    }

    private static float[] squares(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * x[i];
        return y;
    }

    private static int loudestLowBand(double[] db) {
        int lo = dev.groundwork.mix.analysis.Bands.indexOf(30), hi = dev.groundwork.mix.analysis.Bands.indexOf(200), best = lo;
        for (int b = lo; b <= hi; b++) if (db[b] > db[best]) best = b;
        return best;
    }

    /** Glue on the drum bus: 2:1, slow attack, threshold a little under the predicted bus peaks, about 1–2 dB on hits. */
    static CompressionPlan drumBus(List<StemPlan> stems, double amount) {
        double power = 0, crest = 0;
        int n = 0;
        for (StemPlan p : stems) {
            if (!p.drumBus() || p.silent()) continue;
            power += Math.pow(10, (p.measured().activeLoudnessLufs() + p.gainDb()) / 10);
            crest = Math.max(crest, p.measured().crestDb());
            n++;
        }
        if (n < 2 || amount <= 0) return null;
        double busLufs = 10 * Math.log10(power);
        double threshold = round1(busLufs + 0.6 * crest);
        return new CompressionPlan(threshold, 2, 30, 150, 6, round1(1.0 * amount), 0, round1(1.5 * amount), String.format(Locale.ROOT,
                "glue for %d drum stems: predicted bus %.1f LUFS, peaks up to %.0f dB above; 2:1, 30 ms attack keeps the hits", n, busLufs, crest));
    }

    static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }
}
