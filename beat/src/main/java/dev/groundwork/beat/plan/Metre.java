package dev.groundwork.beat.plan;

import java.util.Locale;

/**
 * The time signatures a beat can be written in. Positions in a plan are in quarter notes (the
 * MIDI and DAW convention: the tempo counts quarter notes in every metre), so a bar of 3/4 or 6/8
 * lasts three quarter notes and a bar of 12/8 six. Simple metres pulse on the quarter note,
 * compound ones on the dotted quarter (three eighths).
 *
 * @param label         as written, "6/8"
 * @param numerator     MIDI time-signature numerator
 * @param denominator   MIDI time-signature denominator
 * @param barBeats      quarter notes per bar
 * @param pulseBeats    the felt beat in quarter notes: 1 (simple) or 1.5 (compound, a dotted quarter)
 */
public record Metre(String label, int numerator, int denominator, double barBeats, double pulseBeats) {
    public static final Metre FOUR_FOUR = new Metre("4/4", 4, 4, 4, 1);
    public static final Metre THREE_FOUR = new Metre("3/4", 3, 4, 3, 1);
    public static final Metre SIX_EIGHT = new Metre("6/8", 6, 8, 3, 1.5);
    public static final Metre TWELVE_EIGHT = new Metre("12/8", 12, 8, 6, 1.5);

    public static Metre of(String label) {
        String t = label == null ? "4/4" : label.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (Metre m : new Metre[]{FOUR_FOUR, THREE_FOUR, SIX_EIGHT, TWELVE_EIGHT}) if (m.label.equals(t)) return m;
        throw new IllegalArgumentException("time signature " + label + " is not written: 4/4, 3/4, 6/8 or 12/8");
    }

    public boolean compound() { return pulseBeats > 1; }

    /** 16th-note steps per bar: 16 (4/4), 12 (3/4, 6/8), 24 (12/8). */
    public int steps() { return (int) Math.round(barBeats * 4); }

    /** 16th-note steps per felt beat: 4, or 6 in compound metres. */
    public int pulseSteps() { return (int) Math.round(pulseBeats * 4); }

    public int pulses() { return steps() / pulseSteps(); }

    /**
     * Steps of the backbeat: 2 and 4 in 4/4, beat 3 of a 3/4 bar, the second dotted quarter of 6/8,
     * the second and fourth of 12/8 (the 12/8 backbeat is 4/4's, each beat split in three).
     */
    public int[] backbeatSteps() {
        return switch (label) {
            case "4/4" -> new int[]{4, 12};
            case "3/4" -> new int[]{8};
            case "6/8" -> new int[]{6};
            default -> new int[]{6, 18};
        };
    }

    /** Where a chord may change inside the bar (half-bar harmonic rhythm): half the pulses, or -1 in 3/4 (odd pulse count). */
    public double halfBarBeats() { return pulses() % 2 == 0 ? barBeats / 2 : -1; }

    /** MIDI clocks per metronome click: a quarter (24) in simple metres, a dotted quarter (36) in compound ones. */
    public int midiClocksPerClick() { return compound() ? 36 : 24; }
}
