package dev.groundwork.cli;

import dev.groundwork.master.MasterSettings;
import dev.groundwork.master.Target;
import picocli.CommandLine.Option;

/** The mastering target of `mix --master` and `produce` (a picocli mixin). */
final class MasterTargetOption {
    @Option(names = "--target", paramLabel = "PRESET", defaultValue = "spotify",
            description = "Mastering target: spotify, apple, youtube, amazon, tidal, deezer, club, aes, ebu (default: ${DEFAULT-VALUE}).")
    String target;

    /** Default mastering settings at this target; an unknown target is a usage error. */
    MasterSettings settings() {
        try {
            return MasterSettings.defaults().withTarget(Target.of(target));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
