package dev.groundwork.cli;

import dev.groundwork.mix.MixSettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The mix style and intent options that `mix` and `produce` share (a picocli mixin). */
final class MixIntentOptions {
    @Option(names = "--style", paramLabel = "NAME", defaultValue = "balanced", description = "Mix style: balanced, vocal-forward, beat-forward, wide or dry (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--balance", paramLabel = "auto|song|beat", description = "Level conventions: song (calibrated on songs with a lead part), beat (instrumental drum-driven genres: kick, snare and bass nearer the lead) or auto (beat when the kick rings on like an 808, song otherwise; the plan says why). Default: auto for mix, beat for produce.")
    String balance;

    @Option(names = "--more", paramLabel = "WHAT", description = "vocal, drums, bass, reverb, delay, width or compression (repeat for more).")
    List<String> more = new ArrayList<>();

    @Option(names = "--less", paramLabel = "WHAT", description = "Same targets as --more.")
    List<String> less = new ArrayList<>();

    @Option(names = "--masking-level", paramLabel = "0..1", defaultValue = "0.2",
            description = "Masking-aware level: a stem the other stems cover in its own bands more than they cover the average stem is "
                    + "raised, one playing alone in its bands is lowered, by this many dB per dB of difference; 0 turns it off "
                    + "(default: ${DEFAULT-VALUE}).")
    double maskingLevel;

    /** The settings with this style, masking level and these intents; a bad style, level or target is a usage error. */
    MixSettings applyTo(MixSettings base) {
        try {
            MixSettings s = base.withStyle(style).withMaskingLevel(maskingLevel);
            if (balance != null) s = s.withBalance(balance);
            for (String m : more) s = s.withIntent(m, 1);
            for (String l : less) s = s.withIntent(l, -1);   // each with* passes the record's checks
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
