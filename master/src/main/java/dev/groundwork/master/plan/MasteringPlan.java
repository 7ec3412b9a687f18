package dev.groundwork.master.plan;

import dev.groundwork.master.Target;
import dev.groundwork.master.analysis.InputAnalysis;

import java.util.List;

/**
 * Every decision of one master, each with the measurement behind it and a reason a person can read.
 * Immutable and serialisable (snake_case JSON via core.json.Json); it never holds audio. Rendering the
 * same input with the same plan gives the same bytes, so an edited plan renders exactly as written.
 *
 * <p>Stage keys are stable codes: {@code inspect, clean, tonal_balance, dynamics, stereo, loudness, deliver}.
 */
public record MasteringPlan(int version, Target target, String character, InputAnalysis input,
                            Stages stages, List<Warning> warnings) {
    public static final int VERSION = 1;

    public MasteringPlan {
        if (version != VERSION) throw new IllegalArgumentException("plan version " + version + " is not supported (expected " + VERSION + ")");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public MasteringPlan withStages(Stages s) { return new MasteringPlan(version, target, character, input, s, warnings); }

    public MasteringPlan withWarnings(List<Warning> w) { return new MasteringPlan(version, target, character, input, stages, w); }
}
