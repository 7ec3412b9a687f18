package dev.groundwork.mix.plan;

/**
 * The masking-aware level's move on one stem, kept in the plan so an edited {@code masking_level} can redo it.
 *
 * @param exposureVsMeanDb how far the other stems stand over this stem in its bands while it plays, minus the
 *                         same for the stems' mean (dB; positive = more covered than the others)
 * @param gainDb           the part of the stem's fader the move made: masking level × {@code exposureVsMeanDb}
 */
public record MaskingMove(double exposureVsMeanDb, double gainDb) { }
