package dev.groundwork.master;

import dev.groundwork.core.analysis.Analysis;
import dev.groundwork.master.plan.MasteringPlan;

/**
 * A rendered master: the plan it followed, the input and output analyses (the same report as
 * {@code analyze --json}; input may be null when a plan was rendered without measuring the input),
 * and the gain reduction it took.
 */
public record MasterResult(MasteringPlan plan, Analysis input, Analysis output, GainReduction gainReduction) { }
