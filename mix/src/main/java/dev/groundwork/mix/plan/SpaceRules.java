package dev.groundwork.mix.plan;

import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.roles.Role;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Space as sends, erring on the side of too little: vocals and sustained parts get the most reverb,
 * the low end and the kick none (they would muddy the mix), the lead a tempo-synced delay.
 * A 0 dB send puts the reverb return at the loudness of the dry stem.
 */
final class SpaceRules {
    private record Sends(Double reverbDb, Double delayDb) { }

    private static final Map<Role, Sends> BY_ROLE = new EnumMap<>(Role.class);

    static {
        BY_ROLE.put(Role.LEAD_VOCAL, new Sends(-16.0, -20.0));
        BY_ROLE.put(Role.BACKING_VOCALS, new Sends(-12.0, -24.0));
        BY_ROLE.put(Role.SNARE, new Sends(-18.0, null));
        BY_ROLE.put(Role.HATS, new Sends(-26.0, null));
        BY_ROLE.put(Role.PERCUSSION, new Sends(-20.0, null));
        BY_ROLE.put(Role.FULL_DRUMS, new Sends(-26.0, null));
        BY_ROLE.put(Role.GUITAR, new Sends(-18.0, -26.0));
        BY_ROLE.put(Role.KEYS, new Sends(-16.0, null));
        BY_ROLE.put(Role.PAD, new Sends(-14.0, null));
        BY_ROLE.put(Role.SYNTH_LEAD, new Sends(-18.0, -20.0));
        BY_ROLE.put(Role.STRINGS_BRASS, new Sends(-14.0, null));
        BY_ROLE.put(Role.FX, new Sends(-14.0, -24.0));
        BY_ROLE.put(Role.KICK, new Sends(null, null));
        BY_ROLE.put(Role.BASS, new Sends(null, null));
        BY_ROLE.put(Role.SUB_808, new Sends(null, null));
    }

    private SpaceRules() { }

    static List<StemPlan> apply(List<StemPlan> stems, String lead, MixSettings s) {
        double reverbMove = 4.0 * s.intent("reverb") + switch (s.style()) {
            case "wide" -> 2.0;
            case "dry" -> -8.0;
            case "vocal_forward" -> -1.0;
            default -> 0.0;
        };
        double delayMove = 4.0 * s.intent("delay") + ("dry".equals(s.style()) ? -100 : 0);
        List<StemPlan> out = new ArrayList<>();
        for (StemPlan p : stems) {
            if (p.silent()) { out.add(p.withSends(null, null, "silent: no sends")); continue; }
            Sends base = BY_ROLE.get(p.role());
            Double rv = base.reverbDb == null ? null : base.reverbDb + reverbMove;
            Double dl = base.delayDb;
            if (dl == null && p.file().equals(lead)) dl = -22.0;     // a lead that is not a vocal still gets its echo
            if (dl != null && !p.file().equals(lead) && p.role() == Role.LEAD_VOCAL) dl = null;
            if (dl != null) dl = dl + delayMove;
            if (rv != null && rv < -60) rv = null;
            if (dl != null && dl < -60) dl = null;
            String why = base.reverbDb == null ? p.role().id().replace('_', ' ') + ": kept dry so the low end stays tight"
                    : String.format(Locale.ROOT, "%s: reverb %s%s", p.role().id().replace('_', ' '), rv == null ? "off" : String.format(Locale.ROOT, "%.0f dB", rv),
                    dl == null ? "" : String.format(Locale.ROOT, ", delay %.0f dB", dl));
            out.add(p.withSends(rv == null ? null : round1(rv), dl == null ? null : round1(dl), why));
        }
        return out;
    }

    static SpacePlan space(MixSettings s, boolean hasVocal) {
        double decay = "wide".equals(s.style()) ? 2.0 : 1.6;
        double pre = hasVocal ? 30 : 15;
        String rvWhy = String.format(Locale.ROOT, "plate-like %.1f s decay; %.0f ms pre-delay %s; send band-limited 250 Hz – 9 kHz so the low end stays dry",
                decay, pre, hasVocal ? "keeps the vocal's consonants ahead of the tail" : "");
        SpacePlan reverbOnly = new SpacePlan(decay, pre, 6000, 1.0, 250, 9000, rvWhy.replace("  ", " ").replace(" ;", ";"),
                0, 0.28, 4500, true, "", null, "");
        return s.tempoBpm() == null ? withTempo(reverbOnly, null, "tempo unknown: 120 assumed")
                : withTempo(reverbOnly, s.tempoBpm(), "set by the producer");
    }

    /** The delay time for a tempo (a dotted eighth, halved until it is at most 700 ms); null tempo = 120 BPM assumed. */
    static SpacePlan withTempo(SpacePlan p, Double tempoBpm, String tempoReason) {
        double bpm = tempoBpm == null ? 120 : tempoBpm;
        double ms = 60_000.0 / bpm * 0.75;
        int halvings = 0;
        while (ms > 700) {
            ms /= 2;
            halvings++;
        }
        String note = halvings == 0 ? "dotted eighth" : halvings == 1 ? "dotted sixteenth" : "dotted 1/32";
        String dlWhy = String.format(Locale.ROOT, "%s at %.1f BPM (%s), ping-pong, repeats darkened above 4.5 kHz", note, bpm, tempoReason);
        return new SpacePlan(p.reverbDecaySeconds(), p.reverbPreDelayMs(), p.reverbDampingHz(), p.reverbSize(), p.sendHighPassHz(), p.sendLowPassHz(),
                p.reverbReason(), Math.round(ms * 10) / 10.0, p.delayFeedback(), p.delayLowPassHz(), p.delayPingPong(), dlWhy,
                tempoBpm == null ? null : Math.round(tempoBpm * 100) / 100.0, tempoReason);
    }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }
}
