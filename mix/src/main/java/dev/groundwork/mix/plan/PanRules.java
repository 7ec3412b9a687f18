package dev.groundwork.mix.plan;

import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.roles.Role;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Placement: low-frequency sources and the lead stay centre; stereo stems keep their own image;
 * stems of one role spread symmetrically; single mono stems go to the side that holds less energy
 * so left and right stay balanced. Nothing goes further than 0.8 (an 8–12 dB level difference already
 * sounds hard-panned).
 */
final class PanRules {
    static final double MAX_PAN = 0.8;
    private static final Map<Role, Double> SPREAD = new EnumMap<>(Role.class);

    static {
        SPREAD.put(Role.HATS, 0.3);
        SPREAD.put(Role.PERCUSSION, 0.45);
        SPREAD.put(Role.BACKING_VOCALS, 0.5);
        SPREAD.put(Role.GUITAR, 0.55);
        SPREAD.put(Role.KEYS, 0.3);
        SPREAD.put(Role.PAD, 0.4);
        SPREAD.put(Role.SYNTH_LEAD, 0.25);
        SPREAD.put(Role.STRINGS_BRASS, 0.4);
        SPREAD.put(Role.FX, 0.5);
    }

    private PanRules() { }

    static List<StemPlan> apply(List<StemPlan> stems, String lead, MixSettings s) {
        double widthScale = 1.0 + 0.25 * s.intent("width") + ("wide".equals(s.style()) ? 0.4 : 0);
        widthScale = Math.max(0, widthScale);
        StemPlan[] out = stems.toArray(new StemPlan[0]);
        Map<Role, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            StemPlan p = out[i];
            if (p.silent()) { out[i] = p.withPan(0, "silent: left alone"); continue; }
            if (p.file().equals(lead)) { out[i] = p.withPan(0, "the lead: centre"); continue; }
            if (p.role().isLowEnd() || p.role() == Role.SNARE || p.role() == Role.LEAD_VOCAL) {
                out[i] = p.withPan(0, p.role().isLowEnd() ? "low-frequency source: centre" : p.role().id().replace('_', ' ') + ": centre");
                continue;
            }
            if (p.measured().channels() == 2 && p.measured().width() >= 0.08) {
                double bal = p.measured().lrBalanceDb();
                // A lopsided stereo stem is nudged back towards the middle.
                double fix = Math.abs(bal) > 2 ? clamp(-bal / 20, -0.3, 0.3) : 0;
                out[i] = p.withPan(round(fix), String.format(Locale.ROOT, "already stereo (width %.2f): keeps its own image%s",
                        p.measured().width(), fix != 0 ? String.format(Locale.ROOT, ", balanced (left %.1f dB over right)", bal) : ""));
                continue;
            }
            groups.computeIfAbsent(p.role(), k -> new ArrayList<>()).add(i);
        }
        // Energy already on each side, from the centred and stereo stems (power at the planned level).
        double left = 0, right = 0;
        java.util.Set<Integer> grouped = new java.util.HashSet<>();
        groups.values().forEach(grouped::addAll);
        for (int i = 0; i < out.length; i++) {
            StemPlan p = out[i];
            if (p.silent() || grouped.contains(i)) continue;
            double pw = power(p);
            double a = (p.pan() + 1) * Math.PI / 4;
            left += pw * Math.cos(a) * Math.cos(a);
            right += pw * Math.sin(a) * Math.sin(a);
        }
        // Loudest groups first so the balance is decided by what matters most.
        List<Map.Entry<Role, List<Integer>>> order = new ArrayList<>(groups.entrySet());
        StemPlan[] view = out;
        order.sort(Comparator.comparingDouble((Map.Entry<Role, List<Integer>> e) -> -e.getValue().stream().mapToDouble(i -> power(view[i])).sum())
                .thenComparing(e -> e.getKey().ordinal()));
        for (var e : order) {
            List<Integer> idx = new ArrayList<>(e.getValue());
            idx.sort(Comparator.comparingDouble((Integer i) -> view[i].measured().centroidHz()).thenComparing(i -> view[i].file()));
            double spread = Math.min(MAX_PAN, SPREAD.get(e.getKey()) * widthScale);
            int k = idx.size();
            // Within 0.05 dB the sides count as even (so rounding never flips a decision): start left.
            double imbalanceDb = 10 * Math.log10((left + 1e-12) / (right + 1e-12));
            boolean startLeft = imbalanceDb < 0.05;
            for (int j = 0; j < k; j++) {
                StemPlan p = out[idx.get(j)];
                double pan;
                String why;
                if (k == 1) {
                    pan = startLeft ? -spread : spread;
                    why = Math.abs(imbalanceDb) < 0.05 ? "sides even: placed left, off the centre"
                            : String.format(Locale.ROOT, "placed %s, the side with %.1f dB less energy", startLeft ? "left" : "right", Math.abs(imbalanceDb));
                } else {
                    // Symmetric positions, alternating sides from the outside in, ordered by brightness.
                    double step = k == 2 ? 1 : 2.0 / (k - 1);
                    double pos = k == 2 ? (j == 0 ? -1 : 1) : -1 + j * step;
                    if (!startLeft) pos = -pos;
                    pan = spread * pos;
                    why = String.format(Locale.ROOT, "%d %s stems spread apart (similar spectra)", k, e.getKey().id().replace('_', ' '));
                }
                pan = round(clamp(pan, -MAX_PAN, MAX_PAN));
                out[idx.get(j)] = p.withPan(pan, why);
                double pw = power(p);
                double a = (pan + 1) * Math.PI / 4;
                left += pw * Math.cos(a) * Math.cos(a);
                right += pw * Math.sin(a) * Math.sin(a);
            }
        }
        return List.of(out);
    }

    private static double power(StemPlan p) {
        if (p.silent() || p.measured().activeLoudnessLufs() == null) return 0;
        return Math.pow(10, (p.measured().activeLoudnessLufs() + p.gainDb()) / 10);
    }

    static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    static double round(double v) { return Math.round(v * 100) / 100.0; }
}
