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
     * toward (--reference), null = the built-in neutral curve. {@code maxLimitingLu} is the loudness the limiter may take before
     * the job stops short of the target (--max-limiting; 0 = automatic: 4 LU, 6 LU for loud targets).
     */
    record Adjustment(String target, double eqAmount, double intensity, double width, boolean multiband, boolean multibandByCharacter,
                      Double lufs, Double ceilingDbtp, String reference, double maxLimitingLu) {
        /** The delivery target: the preset, with the producer's loudness or ceiling in place of its own (named preset+custom, as the CLI does). */
        dev.groundwork.master.Target delivery() {
            return MasterEngine.target(target, lufs, ceilingDbtp);
        }
    }

    record Candidate(String id, String label, String character, String path, String planPath,
                     Double integratedLufs, Double truePeakDbtp, Double loudnessRangeLu,
                     Adjustment settings, List<String> reasons) { }

    /**
     * A candidate rendered again for delivery at a sample rate and sample format (--rate, --bits): {@code sampleRateHz} is the
     * rate written (the source's when none was asked), with the delivered file's loudness and true peak.
     */
    record Delivery(String candidate, String path, String planPath, double sampleRateHz, String bits, Double integratedLufs, Double truePeakDbtp) { }

    /** @param previewLufs the level every version is played at when the A/B is loudness-matched (the master module's rule) */
    record Run(String source, String target, Double previewLufs, List<Candidate> candidates) { }
}
