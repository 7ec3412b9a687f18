package dev.groundwork.beat.style;

import java.util.List;

/**
 * A genre's drum grammar: alternative one-bar patterns per drum (16 steps, or 12 for triplet
 * grids), written 'x' accent, 'o' soft hit, '.' rest. The composer picks and varies them per bar.
 *
 * @param kicks        kick alternatives; the first is the genre's signature
 * @param snares       snare/clap alternatives (backbeat)
 * @param hats         closed-hat alternatives; their length sets the grid (16 = 16ths, 12 = 8th triplets, 8 = 8ths)
 * @param openHats     open-hat pattern (choked by the next closed hat), or empty
 * @param percs        percussion alternatives (shaker, conga, rim), or empty
 * @param percNote     GM note of the percussion voice
 * @param snareNote    GM note of the backbeat voice (38 snare, 39 clap, 37 side stick)
 * @param hatRolls     whether hats roll (1/32, 1/16 triplets, 1/64) into snares and phrase ends
 */
public record DrumStyle(List<String> kicks, List<String> snares, List<String> hats, String openHats,
                        List<String> percs, int percNote, int snareNote, boolean hatRolls) { }
