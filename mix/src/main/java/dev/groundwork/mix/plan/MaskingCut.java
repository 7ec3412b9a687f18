package dev.groundwork.mix.plan;

import java.util.Locale;

/**
 * The EQ's masking cut on one stem that crowds the lead in the lead's loudest band, kept in the plan so an edited
 * {@code masking_strength} can redo it: the cut is min(6, {@code crowdingDb}) × strength (rounded to 0.1 dB; under
 * 0.5 dB no band is made), a bell at {@code frequencyHz}, Q {@link #Q}.
 *
 * @param frequencyHz the lead's loudest band (third-octave centre, 300 Hz – 4 kHz)
 * @param crowdingDb  how far the stem's level in that band reaches into the 6 dB under the lead's (dB, above 0); the cut
 *                    at strength 1 is this, at most 6 dB
 * @param cutDb       the cut the stem's EQ holds now (0 when the strength made it too small to keep)
 * @param faderDbPerDb loudness the fader gives back per dB of this cut (from the stem's K-weighted spectrum, at planning)
 */
public record MaskingCut(double frequencyHz, double crowdingDb, double cutDb, double faderDbPerDb) {
    static final double Q = 4.0;
    /** Cuts smaller than this are not made. */
    static final double SMALLEST_DB = 0.5;

    /** The cut at this strength (0 when it would be smaller than {@link #SMALLEST_DB}). */
    public double at(double strength) {
        double cut = Math.round(Math.min(6, crowdingDb) * strength * 10) / 10.0;
        return cut < SMALLEST_DB ? 0 : cut;
    }

    /** The same cut with {@code cut} dB in the EQ now. */
    MaskingCut withCut(double cut) { return new MaskingCut(frequencyHz, crowdingDb, cut, faderDbPerDb); }

    /** Whether {@code band} is this cut as the plan made it. */
    boolean is(EqBand band) {
        return band.type() == EqBand.Type.BELL && band.freqHz() == frequencyHz && band.q() == Q && band.gainDb() == -cutDb;
    }

    /** The EQ band of a cut of {@code cut} dB. */
    EqBand band(double cut, String lead) {
        String where = crowdingDb <= 6 ? String.format(Locale.ROOT, "within %.1f dB of", 6 - crowdingDb)
                : String.format(Locale.ROOT, "%.1f dB over", crowdingDb - 6);
        return new EqBand(EqBand.Type.BELL, frequencyHz, -cut, Q, String.format(Locale.ROOT,
                "masking: %s the lead (%s) in its loudest band, %.0f Hz", where, lead, frequencyHz));
    }
}
