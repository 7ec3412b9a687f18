package dev.groundwork.mix.plan;

/**
 * The mix bus: a trim that brings the predicted mix loudness to a working level, and a peak ceiling the
 * render never exceeds (if the rendered peak would, the whole mix is turned down, never clipped or limited).
 * The prediction adds the stems' planned loudness, each weighted by the share of the song it plays in, counted
 * where it is within {@code activityGateLu} of its own loudness (a 400 ms block quieter than that is a tail or a
 * pause, not the part). With {@code --from-plan} the trim follows this section: an edited gate or target (or an
 * edited stem gain) re-derives the trim, unless the trim itself was edited.
 *
 * @param activityGateLu how far under its loudness a stem still counts as playing (10..40 LU; null in older plans: 20)
 */
public record MixBusPlan(double trimDb, double predictedLufs, double targetLufs, double peakCeilingDbfs, Double activityGateLu, String reason) {
    public static final double DEFAULT_ACTIVITY_GATE_LU = 20;

    public MixBusPlan {
        if (activityGateLu == null) activityGateLu = DEFAULT_ACTIVITY_GATE_LU;
    }
}
