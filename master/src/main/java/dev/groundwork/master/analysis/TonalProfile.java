package dev.groundwork.master.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.groundwork.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A tonal balance: energy per third-octave band of the mid signal in dB relative to the mean of the
 * 200 Hz – 5 kHz bands, and the side's level relative to the mid in the same band (dB). Measured on the
 * loudest sections of a piece, so quiet intros and fades do not pull it. Bands are {@link #CENTRES_HZ}.
 * A target derived from many tracks also carries {@code midSpreadDb}: per band, how far professional
 * masters differ from each other (75th minus 25th percentile, dB); null for a single measured piece.
 */
public record TonalProfile(double[] bandHz, double[] midDb, double[] sideMinusMidDb,
                           @JsonInclude(JsonInclude.Include.NON_NULL) double[] midSpreadDb) {
    /** Third-octave centres 25 Hz .. 16 kHz (1000 · 2^(k/3), k = -16..12). */
    public static final double[] CENTRES_HZ = centres();

    public TonalProfile {
        if (bandHz.length != midDb.length || midDb.length != sideMinusMidDb.length
                || (midSpreadDb != null && midSpreadDb.length != midDb.length)) throw new IllegalArgumentException("tonal profile arrays differ in length");
    }

    /** A measured profile (no spread). */
    public TonalProfile(double[] bandHz, double[] midDb, double[] sideMinusMidDb) {
        this(bandHz, midDb, sideMinusMidDb, null);
    }

    private static double[] centres() {
        double[] c = new double[29];
        for (int k = -16; k <= 12; k++) c[k + 16] = 1000 * Math.pow(2, k / 3.0);
        return c;
    }

    /** Mid level at a frequency, interpolated on a log-frequency axis between band centres. */
    public double midAt(double hz) { return interpolate(midDb, hz); }

    public double sideAt(double hz) { return interpolate(sideMinusMidDb, hz); }

    private double interpolate(double[] v, double hz) {
        double x = Math.log(hz / bandHz[0]) / Math.log(bandHz[1] / bandHz[0]);
        if (x <= 0) return v[0];
        if (x >= v.length - 1) return v[v.length - 1];
        int i = (int) x;
        double f = x - i;
        return v[i] * (1 - f) + v[i + 1] * f;
    }

    /** The built-in neutral target, derived from professionally mastered music (see docs/mastering-target.md). */
    public static TonalProfile neutralTarget() {
        return NeutralTarget.CURVE;
    }

    private static final class NeutralTarget {
        static final TonalProfile CURVE = load();
    }

    private static TonalProfile load() {
        try (InputStream in = TonalProfile.class.getResourceAsStream(NEUTRAL_TARGET)) {
            if (in == null) throw new IllegalStateException("built-in tonal target is missing from the build");
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in tonal target", e);
        }
    }

    static final String NEUTRAL_TARGET = "/dev/groundwork/master/neutral-target.json";

    /**
     * A profile's arrays from its JSON (the keys {@link Json} writes), read with Jackson's streaming parser rather than
     * {@link Json#MAPPER}: a plain master reads no other JSON, and building the mapper (some 500 classes and the record's
     * introspection) cost about 70 ms of a one-core run, more than the whole tonal decision.
     */
    static TonalProfile read(InputStream in) throws IOException {
        java.util.Map<String, double[]> arrays = new java.util.HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("a tonal profile is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.getCurrentName();
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                double[] v = new double[8];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (n == v.length) v = java.util.Arrays.copyOf(v, 2 * n);
                    v[n++] = p.getDoubleValue();
                }
                arrays.put(key, java.util.Arrays.copyOf(v, n));
            }
        }
        for (String key : new String[]{"band_hz", "mid_db", "side_minus_mid_db"}) {
            if (!arrays.containsKey(key)) throw new IOException("tonal profile without " + key);
        }
        return new TonalProfile(arrays.get("band_hz"), arrays.get("mid_db"), arrays.get("side_minus_mid_db"), arrays.get("mid_spread_db"));
    }
}
