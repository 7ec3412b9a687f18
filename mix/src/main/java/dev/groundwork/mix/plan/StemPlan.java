package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.StemAnalysis;
import dev.groundwork.mix.roles.Role;

import java.util.List;

/**
 * The decisions for one stem. Sends are in dB relative to the stem's post-fader signal; null means no send.
 * Compression and ducking are null when the stem gets none. {@code maskingMove} is the masking-aware level's part of
 * the gain (null when the stem was not measured for it: silent, held as bleed, or in plans written before it was kept).
 * {@code maskingCut} is the EQ's masking cut on a stem that crowds the lead (null when it does not, or in plans written
 * before the cut was kept). {@code bleed} is true for a stem the producer named as a bleed or room track (held under its role's level).
 */
public record StemPlan(String file, Role role, double roleConfidence, String roleReason, boolean silent, StemAnalysis measured,
                       double gainDb, String gainReason, double pan, String panReason, List<EqBand> eq,
                       CompressionPlan compression, DuckingPlan ducking,
                       Double reverbSendDb, Double delaySendDb, String sendReason, boolean drumBus, boolean bleed, MaskingMove maskingMove,
                       MaskingCut maskingCut) {
    public StemPlan {
        eq = List.copyOf(eq);
        if (!(pan >= -1 && pan <= 1)) throw new IllegalArgumentException(file + ": pan must be -1..1, got " + pan);
        if (!Double.isFinite(gainDb) || gainDb < -96 || gainDb > 48) throw new IllegalArgumentException(file + ": gain out of range: " + gainDb);
    }

    public StemPlan withGain(double db, String reason) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, db, reason, pan, panReason, eq, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, maskingMove, maskingCut);
    }

    /**
     * The gain moved as a mixer's fader moves: the gain sits before the stem's compressor, so its threshold moves by
     * the same amount and the compression stays as planned (a DAW fader after the inserts does the same; the
     * DAWproject export puts the gain there).
     */
    public StemPlan withFader(double db, String reason) {
        CompressionPlan c = compression;
        if (c != null && db != gainDb) {
            c = new CompressionPlan(Math.round((c.thresholdDb() + db - gainDb) * 10) / 10.0, c.ratio(), c.attackMs(), c.releaseMs(), c.kneeDb(),
                    c.makeupDb(), c.rmsMs(), c.expectedReductionDb(), c.reason());
        }
        return withGain(db, reason).withDynamics(c, ducking);
    }

    public StemPlan withPan(double p, String reason) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, p, reason, eq, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, maskingMove, maskingCut);
    }

    public StemPlan withSends(Double reverb, Double delay, String reason) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, eq, compression, ducking,
                reverb, delay, reason, drumBus, bleed, maskingMove, maskingCut);
    }

    public StemPlan withEq(List<EqBand> bands) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, bands, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, maskingMove, maskingCut);
    }

    public StemPlan withDynamics(CompressionPlan c, DuckingPlan d) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, eq, c, d,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, maskingMove, maskingCut);
    }

    public StemPlan withBleed(boolean b) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, eq, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, b, maskingMove, maskingCut);
    }

    public StemPlan withMaskingMove(MaskingMove m) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, eq, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, m, maskingCut);
    }

    public StemPlan withMaskingCut(MaskingCut c) {
        return new StemPlan(file, role, roleConfidence, roleReason, silent, measured, gainDb, gainReason, pan, panReason, eq, compression, ducking,
                reverbSendDb, delaySendDb, sendReason, drumBus, bleed, maskingMove, c);
    }
}
