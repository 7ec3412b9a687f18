package dev.groundwork.mix.plan;

import java.util.List;
import java.util.Optional;

/**
 * Every decision of one mix, each with the measurement and a reason a person can read. Immutable,
 * serialised as snake_case JSON; rendering the same plan on the same stems gives the same bytes.
 * Stems are named by file name (the plan travels with the folder, not with absolute paths).
 *
 * @param maskingStrength the strength of the EQ's masking cuts (0..1, {@code --masking}); editing it redoes each recorded
 *                     cut ({@link MaskingCut}) at the new strength when the plan is rendered; plans written before it was
 *                     recorded load with the default 0.5
 * @param maskingLevel the masking-aware level the faders were set with (0..1); editing it moves each stem's fader by
 *                     the new level times its recorded exposure distance ({@link MaskingMove}) when the plan is rendered
 */
public record MixPlan(int formatVersion, String style, String balance, Double maskingStrength, Double maskingLevel, double sampleRateHz, String sampleRateReason, double durationSeconds,
                      String lead, List<StemPlan> stems, CompressionPlan drumBus, SpacePlan space, MixBusPlan mixBus,
                      List<String> notes) {
    public static final int FORMAT_VERSION = 1;

    public MixPlan {
        stems = List.copyOf(stems);
        notes = List.copyOf(notes);
        if (balance == null) balance = "song"; // plans written before the balance was recorded used the song levels
        // plans written before the strength or the level was recorded used the defaults
        maskingStrength = dev.groundwork.mix.MixSettings.requireMaskingStrength(maskingStrength == null ? dev.groundwork.mix.MixSettings.DEFAULT_MASKING_STRENGTH : maskingStrength);
        maskingLevel = dev.groundwork.mix.MixSettings.requireMaskingLevel(maskingLevel == null ? dev.groundwork.mix.MixSettings.DEFAULT_MASKING_LEVEL : maskingLevel);
    }

    public Optional<StemPlan> stem(String file) {
        return stems.stream().filter(s -> s.file().equals(file)).findFirst();
    }

    /** The planned fader gain of a stem in dB (what the bench compares). */
    public double gainDbOf(String file) {
        return stem(file).orElseThrow(() -> new IllegalArgumentException("no stem " + file + " in this plan")).gainDb();
    }

    public MixPlan withStems(List<StemPlan> s) {
        return new MixPlan(formatVersion, style, balance, maskingStrength, maskingLevel, sampleRateHz, sampleRateReason, durationSeconds, lead, s, drumBus, space, mixBus, notes);
    }

    public MixPlan withSpace(SpacePlan sp) {
        return new MixPlan(formatVersion, style, balance, maskingStrength, maskingLevel, sampleRateHz, sampleRateReason, durationSeconds, lead, stems, drumBus, sp, mixBus, notes);
    }

    public MixPlan withMixBus(MixBusPlan b) {
        return new MixPlan(formatVersion, style, balance, maskingStrength, maskingLevel, sampleRateHz, sampleRateReason, durationSeconds, lead, stems, drumBus, space, b, notes);
    }

    public MixPlan withNotes(List<String> n) {
        return new MixPlan(formatVersion, style, balance, maskingStrength, maskingLevel, sampleRateHz, sampleRateReason, durationSeconds, lead, stems, drumBus, space, mixBus, n);
    }
}
