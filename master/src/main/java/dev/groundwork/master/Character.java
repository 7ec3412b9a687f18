package dev.groundwork.master;

import java.util.Arrays;
import java.util.Locale;

/**
 * The flavour of a candidate master. Every character hits the same loudness target and ceiling; they
 * differ in how far the EQ moves toward the target curve, in a gentle tilt, in compression and in width.
 */
public enum Character {
    TRANSPARENT(0.6, -20, 0, 0, 1.0, 1.0, false, "as little change as the target allows"),
    WARM(1.0, 0, 1.0, -1.0, 1.0, 1.0, false, "fuller low end, softer top"),
    PUNCHY(1.0, 10, 0.5, 0, 1.0, 1.6, false, "slower attack lets transients through, firmer glue"),
    OPEN(1.0, 0, 0, 1.5, 1.1, 1.0, false, "more air and a slightly wider image"),
    LOUD(1.0, 30, 0.5, 0.5, 1.0, 0.6, true, "denser: more compression before the limiter, per band where a band jumps");

    public final double eqScale;
    public final double intensityOffset;
    public final double lowTiltDb, highTiltDb;
    public final double width;
    public final double attackScale;
    /** Uses the multiband dynamics stage. */
    public final boolean multiband;
    public final String description;

    Character(double eqScale, double intensityOffset, double lowTiltDb, double highTiltDb, double width, double attackScale, boolean multiband, String description) {
        this.multiband = multiband;
        this.eqScale = eqScale;
        this.intensityOffset = intensityOffset;
        this.lowTiltDb = lowTiltDb;
        this.highTiltDb = highTiltDb;
        this.width = width;
        this.attackScale = attackScale;
        this.description = description;
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Character parse(String name) {
        for (Character c : values()) if (c.id().equals(name.trim().toLowerCase(Locale.ROOT))) return c;
        throw new IllegalArgumentException("unknown character '" + name + "': choose one of " +
                String.join(", ", Arrays.stream(values()).map(Character::id).toList()));
    }

    /** The first {@code n} characters in the order candidates are offered (transparent first). */
    public static java.util.List<Character> first(int n) {
        if (n < 1 || n > values().length) throw new IllegalArgumentException("candidates must be 1.." + values().length + ", not " + n);
        return java.util.List.of(values()).subList(0, n);
    }
}
