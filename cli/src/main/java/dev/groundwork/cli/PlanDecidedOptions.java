package dev.groundwork.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Set;

/**
 * Options that shape a plan mean nothing when an existing plan is rendered with {@code --from-plan}: the plan holds
 * those decisions. Given together they are refused, so a producer who asks for a change never gets a render that
 * silently ignored it. (Options a replay does honour, such as master's --bits or mix's --export, are not in the sets.)
 */
final class PlanDecidedOptions {
    private PlanDecidedOptions() { }

    /** Throws a usage error naming every option in {@code planning} that was given on this command line. */
    static void refuseWithFromPlan(CommandSpec spec, Set<String> planning) {
        var parsed = spec.commandLine().getParseResult();
        List<String> given = spec.options().stream()
                .filter(o -> planning.contains(o.longestName()) && parsed.hasMatchedOption(o))
                .map(OptionSpec::longestName).toList();
        if (given.isEmpty()) return;
        throw new UsageException(String.join(", ", given) + (given.size() == 1 ? " decides" : " decide")
                + " the plan, and --from-plan renders a plan as written: edit the plan file instead, or plan again without --from-plan");
    }
}
