package dev.groundwork.studio.pages;

import java.util.List;
import java.util.Map;

/** What the Mix page shows: each stem's role, fader and pan with the reasons, and rendered candidates. */
final class MixViews {
    private MixViews() { }

    /** {@code bleed}: the plan holds the stem as a bleed or room track (12 dB under its role's level). */
    record Stem(String name, String path, String role, double faderDb, double pan, boolean bleed, List<String> reasons) { }

    /**
     * A rendered mix with the plan it came from and the stems as that plan sets them. {@code delay} is the tempo the
     * delay follows (null in runs stored before it was shown).
     */
    record Candidate(String id, String label, String path, String planPath, Double integratedLufs, Double samplePeakDbfs,
                     List<Stem> stems, List<String> notes, DelayTempo delay) { }

    /**
     * The tempo the delay time is set from: {@code tempoBpm} from the producer or estimated from the drums, null when
     * neither (then {@code assumedBpm} 120 is used), with the plan's reason and the delay time it gives.
     */
    record DelayTempo(Double tempoBpm, double assumedBpm, String reason, double delayTimeMs) { }

    /**
     * {@code maskingStrength} (--masking), {@code lead} (--lead, null = the planner's choice), {@code intents} (--more/--less:
     * steps per target, + more, - less), {@code fixes} (--fix: dB per role or stem) and {@code headroomDbfs} (--headroom) are
     * what the producer asked the proposal for: a role change or bleed mark re-plans with them (proposals stored before they
     * were asked load as 0.5, null, none, none and null = -6 dBFS).
     */
    record Proposal(String planPath, List<Stem> stems, List<Candidate> candidates, Double maskingStrength, String lead,
                    Map<String, Integer> intents, Map<String, Double> fixes, Double headroomDbfs) { }

    /** The settings of a proposal a re-plan keeps (see {@link Proposal}); the plan itself records style, balance and masking level. */
    record Asked(double maskingStrength, String lead, Map<String, Integer> intents, Map<String, Double> fixes, double headroomDbfs) {
        Asked {
            // sorted, not Map.copyOf: its iteration order changes from one run to the next, and so would the saved proposal and the log line
            intents = intents == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(intents));
            fixes = fixes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fixes));
        }
    }

    /** A producer's change to one stem; null fields keep the plan's value. {@code bleed}: named as a bleed or room track, or not. */
    record StemEdit(String role, Double faderDb, Double pan, Boolean bleed) { }

    record Export(String format, String path) { }
}
