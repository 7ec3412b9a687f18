package dev.groundwork.cli.plot;

import java.awt.Color;

/** Distinct series colours, the same order in every chart, so one signal keeps its colour across plots. */
final class Palette {
    private static final Color[] COLORS = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private Palette() { }

    static Color color(int i) { return COLORS[i % COLORS.length]; }

    static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
