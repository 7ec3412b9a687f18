package dev.groundwork.cli;

import java.io.IOException;
import java.nio.file.Files;
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
            if (same(in, out)) throw new UsageException(option + " " + out + " would overwrite the input " + in);
        }
        return this;
    }

    static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
