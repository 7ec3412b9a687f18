package dev.groundwork.studio.pages;

import java.util.List;

/** What the Mix page shows: each stem's role, fader and pan with the reasons, and rendered candidates. */
final class MixViews {
    private MixViews() { }

    record Stem(String name, String path, String role, double faderDb, double pan, List<String> reasons) { }

    /** A rendered mix with the plan it came from and the stems as that plan sets them. */
    record Candidate(String id, String label, String path, String planPath, Double integratedLufs, Double samplePeakDbfs,
                     List<Stem> stems, List<String> notes) { }

    record Proposal(String planPath, List<Stem> stems, List<Candidate> candidates) { }

    /** A producer's change to one stem; null fields keep the plan's value. */
    record StemEdit(String role, Double faderDb, Double pan) { }

    record Export(String format, String path) { }
}
