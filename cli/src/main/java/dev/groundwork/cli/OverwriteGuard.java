package dev.groundwork.cli;

import dev.groundwork.core.io.SamePath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, as a usage error before any work, an output option (-o, --plan, --report, --plot) that names one of the
 * command's inputs (the audio, a reference, a plan read), by path or as the same file through a link.
 */
final class OverwriteGuard {
    private final List<Path> inputs = new ArrayList<>();

    OverwriteGuard input(Path p) {
        if (p != null) inputs.add(p);
        return this;
    }

    OverwriteGuard inputs(List<Path> ps) {
        if (ps != null) ps.forEach(this::input);
        return this;
    }

    OverwriteGuard output(String option, Path out) {
        if (out == null) return this;
        for (Path in : inputs) {
            if (SamePath.of(in, out)) throw new UsageException(option + " " + out + " would overwrite the input " + in);
        }
        return this;
    }
}
