package dev.groundwork.beat.plan;

import java.util.List;

/**
 * A stretch of the song: which parts play and how hard.
 *
 * @param energy              0..1, drives density and which parts enter
 * @param transposeSemitones  key change from the plan's key for this section
 * @param parts               names of the parts playing in this section
 */
public record Section(String name, int startBar, int bars, double energy, int transposeSemitones, List<String> parts) {
    public Section {
        if (bars < 1) throw new IllegalArgumentException("a section needs at least one bar: " + name);
        if (startBar < 0) throw new IllegalArgumentException("section start must be >= 0: " + name);
        parts = List.copyOf(parts);
    }

    public int endBar() { return startBar + bars; }

    public Section withParts(List<String> p) { return new Section(name, startBar, bars, energy, transposeSemitones, p); }

    public Section withTranspose(int t) { return new Section(name, startBar, bars, energy, t, parts); }
}
