package dev.groundwork.beat.style;

import dev.groundwork.beat.plan.Metre;

import java.util.List;

/**
 * Drum grammars for the metres other than 4/4, in 16th steps (12 a bar of 3/4 or 6/8, 24 a bar of
 * 12/8): the kick on every downbeat, the backbeat where the metre has one (beat 3 of 3/4, the second
 * dotted quarter of 6/8, the second and fourth of 12/8), hats on the 8ths, accented on the felt beat.
 * Only the genres that are played in these metres have them: lo-fi, boom bap and R&B (3/4, 6/8,
 * 12/8), afrobeats (6/8 and 12/8, the West African bell). Trap, drill, house, techno, drum and bass
 * and reggaeton are 4/4 grammars (half-time snare on 3, four on the floor, dembow, two-step).
 */
public final class MetreDrums {
    private MetreDrums() { }

    /** The standard seven-stroke bell over twelve 8ths (x.x.xx.x.x.x), in 16th steps. */
    static final String BELL_12_8 = "x...x...x.x...x...x...x.";
    /** 6/8 bar patterns that 12/8 plays twice. */
    private static final String KICK_6_8 = "x...........", BACKBEAT_6_8 = "......x.....", SHAKER_6_8 = "o.o.o.o.o.o.";
    private static final List<String> HATS_6_8 = List.of("x.o.o.x.o.o.", "x...o.x...o.");

    public static boolean allows(Genre g, Metre m) {
        if (m == Metre.FOUR_FOUR) return true;
        return switch (g) {
            case LOFI, BOOM_BAP, RNB -> true;
            case AFROBEATS -> m.compound();
            default -> false;
        };
    }

    /** Metres the genre can be written in, for messages. */
    public static String allowed(Genre g) {
        return switch (g) {
            case LOFI, BOOM_BAP, RNB -> "4/4, 3/4, 6/8 or 12/8";
            case AFROBEATS -> "4/4, 6/8 or 12/8";
            default -> "4/4 only";
        };
    }

    public static DrumStyle of(Genre g, Metre m) {
        if (!allows(g, m)) throw new IllegalArgumentException(g.label + " is written in " + allowed(g) + ", not " + m.label());
        DrumStyle base = g.drums;
        boolean afro = g == Genre.AFROBEATS;
        return switch (m) {
            case FOUR_FOUR -> base;
            case THREE_FOUR -> new DrumStyle(List.of("x...........", "x.....x.....", "x.........x."),
                    List.of("........x...", "....o...x..."), List.of("x.o.x.o.x.o.", "x.o.x.o.x.oo"), "",
                    List.of(), base.percNote(), base.snareNote(), base.hatRolls());
            case SIX_EIGHT -> new DrumStyle(List.of(KICK_6_8, "x.........x.", "x...x......."),
                    List.of(BACKBEAT_6_8, "......x...o."), HATS_6_8, "",
                    afro ? List.of(SHAKER_6_8, "x...x.x.x...") : List.of(), base.percNote(), base.snareNote(), base.hatRolls());
            // 12/8 is two bars of 6/8 where the pattern simply repeats; its own variations cross the half bar
            case TWELVE_EIGHT -> new DrumStyle(List.of(KICK_6_8.repeat(2), "x.........x.x...........", "x...........x.......x..."),
                    List.of(BACKBEAT_6_8.repeat(2), "......x.........o.x....."),
                    HATS_6_8.stream().map(h -> h.repeat(2)).toList(), "",
                    afro ? List.of(BELL_12_8, SHAKER_6_8.repeat(2)) : List.of(), base.percNote(), base.snareNote(), base.hatRolls());
        };
    }

    /** Percussion for a metre when the genre has none of its own (asked for with "with congas"). */
    public static String defaultPerc(Metre m) {
        return switch (m) {
            case FOUR_FOUR -> "..o...o...o..o..";
            case THREE_FOUR -> "..o...o...o.";
            case SIX_EIGHT -> "..o.o...o.o.";
            case TWELVE_EIGHT -> BELL_12_8;
        };
    }
}
