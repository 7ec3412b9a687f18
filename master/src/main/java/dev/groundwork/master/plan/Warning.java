package dev.groundwork.master.plan;

/** A finding with a stable {@code code} (see {@link Codes}), the stage that raised it, and a message. */
public record Warning(String code, String stage, String message) {
    /** Stable warning codes: tools and tests match on these, never on the message. */
    public static final class Codes {
        public static final String CLIPPING = "clipping";
        public static final String HEAVY_LIMITING = "heavy_limiting";
        public static final String DC_OFFSET = "dc_offset";
        public static final String SILENCE_AT_START = "silence_at_start";
        public static final String SILENCE_AT_END = "silence_at_end";
        public static final String SHORT_MATERIAL = "short_material";
        public static final String MONO_IN_STEREO = "mono_in_stereo";
        public static final String TARGET_NOT_REACHED = "target_not_reached";
        public static final String HEAVY_GAIN_REDUCTION = "heavy_gain_reduction";
        public static final String PHASE_CORRELATION = "phase_correlation";
        public static final String CEILING_TRIM = "ceiling_trim";
        public static final String CODEC_OVERSHOOT = "codec_overshoot";

        private Codes() { }
    }
}
