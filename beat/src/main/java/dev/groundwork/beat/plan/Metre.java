package dev.groundwork.beat.plan;

import java.util.Locale;

/**
 * The time signatures a beat can be written in. Positions in a plan are in quarter notes (the
 * MIDI and DAW convention: the tempo counts quarter notes in every metre), so a bar of 3/4 or 6/8
 * lasts three quarter notes and a bar of 12/8 six. Simple metres pulse on the quarter note,
 * compound ones on the dotted quarter (three eighths).
 */
public enum Metre {
    /** Backbeat on 2 and 4. */
    FOUR_FOUR("4/4", 4, 4, 4, 1, 4, 12),
    /** Backbeat on beat 3. */
    THREE_FOUR("3/4", 3, 4, 3, 1, 8),
    /** Backbeat on the second dotted quarter. */
    SIX_EIGHT("6/8", 6, 8, 3, 1.5, 6),
    /** The 12/8 backbeat is 4/4's, each beat split in three: the second and fourth dotted quarters. */
    TWELVE_EIGHT("12/8", 12, 8, 6, 1.5, 6, 18);

    private final String label;
    private final int numerator, denominator;
    private final double barBeats, pulseBeats;
    private final int[] backbeatSteps;

    /**
     * @param label         as written, "6/8"
     * @param numerator     MIDI time-signature numerator
     * @param denominator   MIDI time-signature denominator
     * @param barBeats      quarter notes per bar
     * @param pulseBeats    the felt beat in quarter notes: 1 (simple) or 1.5 (compound, a dotted quarter)
     * @param backbeatSteps 16th steps of the backbeat
     */
    Metre(String label, int numerator, int denominator, double barBeats, double pulseBeats, int... backbeatSteps) {
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
        this.barBeats = barBeats;
        this.pulseBeats = pulseBeats;
        this.backbeatSteps = backbeatSteps;
    }

    public static Metre of(String label) {
        String t = label == null ? "4/4" : label.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (Metre m : values()) if (m.label.equals(t)) return m;
        throw new IllegalArgumentException("time signature " + label + " is not written: 4/4, 3/4, 6/8 or 12/8");
    }

    public String label() { return label; }

    public int numerator() { return numerator; }

    public int denominator() { return denominator; }

    public double barBeats() { return barBeats; }

    public double pulseBeats() { return pulseBeats; }

    public boolean compound() { return pulseBeats > 1; }

    /** 16th-note steps per bar: 16 (4/4), 12 (3/4, 6/8), 24 (12/8). */
    public int steps() { return (int) Math.round(barBeats * 4); }

    /** 16th-note steps per felt beat: 4, or 6 in compound metres. */
    public int pulseSteps() { return (int) Math.round(pulseBeats * 4); }

    public int pulses() { return steps() / pulseSteps(); }

    /**
     * Steps of the backbeat: 2 and 4 in 4/4, beat 3 of a 3/4 bar, the second dotted quarter of 6/8,
     * the second and fourth of 12/8.
     */
    public int[] backbeatSteps() { return backbeatSteps.clone(); }

    /** Where a chord may change inside the bar (half-bar harmonic rhythm): half the pulses, or -1 in 3/4 (odd pulse count). */
    public double halfBarBeats() { return pulses() % 2 == 0 ? barBeats / 2 : -1; }

    /** MIDI clocks per metronome click: a quarter (24) in simple metres, a dotted quarter (36) in compound ones. */
    public int midiClocksPerClick() { return compound() ? 36 : 24; }

    @Override
    public String toString() { return label; }
}
