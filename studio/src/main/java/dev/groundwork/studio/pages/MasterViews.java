package dev.groundwork.studio.pages;

import java.util.List;

/** What the Master page shows of a mastering run; plans stay in files next to the audio. */
final class MasterViews {
    private MasterViews() { }

    /** The knobs the producer may turn on a candidate before re-rendering it. */
    record Adjustment(String target, double eqAmount, double intensity, double width) { }

    record Candidate(String id, String label, String path, String planPath, String reportPath,
                     Double integratedLufs, Double truePeakDbtp, Double loudnessRangeLu,
                     Adjustment settings, List<String> reasons) { }

    record Run(String source, String target, List<Candidate> candidates) { }
}
