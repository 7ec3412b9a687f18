package dev.groundwork.master;

import dev.groundwork.master.analysis.InputAnalysis;
import dev.groundwork.master.plan.MasteringPlan;

/** A rendered master: the plan it followed, the measured output, and the gain reduction it took. */
public record MasterResult(MasteringPlan plan, InputAnalysis output, GainReduction gainReduction) { }
