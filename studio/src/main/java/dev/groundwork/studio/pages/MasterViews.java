package dev.groundwork.studio.pages;

import java.util.List;

/** What the Master page shows of a mastering run; plans stay in files next to the audio. */
final class MasterViews {
    private MasterViews() { }

    /**
     * The knobs the producer may turn on a candidate before re-rendering it: the delivery target, how far
     * the EQ moves toward the target curve (0..100 %), compression intensity (0..100 %), stereo width (0..1.5), and
     * whether the multiband dynamics stage is asked for ({@code multibandByCharacter}: the character always uses it,
     * so it cannot be switched off). {@code lufs} and {@code ceilingDbtp} override the target preset's loudness and true-peak
     * ceiling (--lufs, --ceiling); null = the preset's. {@code reference}: a project file whose tonal balance the EQ moves
     * toward (--reference), null = the built-in neutral curve.
     */
    record Adjustment(String target, double eqAmount, double intensity, double width, boolean multiband, boolean multibandByCharacter,
                      Double lufs, Double ceilingDbtp, String reference) {
        /** The delivery target: the preset, with the producer's loudness or ceiling in place of its own (named preset+custom, as the CLI does). */
        dev.groundwork.master.Target delivery() {
            return MasterEngine.target(target, lufs, ceilingDbtp);
        }
    }

    record Candidate(String id, String label, String character, String path, String planPath,
                     Double integratedLufs, Double truePeakDbtp, Double loudnessRangeLu,
                     Adjustment settings, List<String> reasons) { }

    /** @param previewLufs the level every version is played at when the A/B is loudness-matched (the master module's rule) */
    record Run(String source, String target, Double previewLufs, List<Candidate> candidates) { }
}
