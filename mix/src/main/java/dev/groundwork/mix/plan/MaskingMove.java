package dev.groundwork.mix.plan;

/**
 * The masking-aware level's move on one stem, kept in the plan so an edited {@code masking_level} can redo it.
 *
 * @param exposureVsMeanDb how far the other stems stand over this stem in its bands while it plays, minus the
 *                         same for the stems' mean (dB; positive = more covered than the others)
 * @param gainDb           the part of the stem's fader the move made: masking level × {@code exposureVsMeanDb}
 *                         (for the focused lead never below 0)
 * @param focusedLead      the stem is the lead the mix gives focus to (a lead vocal or a {@code --lead} stem): standing
 *                         out in its bands is what the focus is for, so the move may raise it but never lowers it
 */
public record MaskingMove(double exposureVsMeanDb, double gainDb, boolean focusedLead) {
    /** The fader move at this masking level (+0.0: no "-0.0" in a plan at level 0). */
    public double at(double level) {
        double m = level * exposureVsMeanDb + 0.0;
        return focusedLead ? Math.max(0, m) : m;
    }
}
