package dev.groundwork.cli;

import dev.groundwork.core.io.OutputCheck;
import dev.groundwork.core.io.SamePath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a command's outputs before any work, as usage errors. An output file (-o, --plan, --report, --plot) must not
 * name one of the command's inputs (the audio, a reference, a plan read), by path or as the same file through a link;
 * every output, file or folder, must be writable where it points ({@link OutputCheck}), so a long job never computes
 * a result it then cannot write. Give the inputs first.
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

    /** An output file: not an input, its folder exists and is writable, it is not a folder nor read-only. */
    OverwriteGuard output(String option, Path out) {
        if (out == null) return this;
        notAnInput(option, out);
        String why = OutputCheck.whyNotFile(out);
        if (why != null) throw new UsageException(why);
        return this;
    }

    /** An output folder, created if missing: writable, or creatable. */
    OverwriteGuard folder(Path dir) {
        if (dir == null) return this;
        String why = OutputCheck.whyNotFolder(dir);
        if (why != null) throw new UsageException(why);
        return this;
    }

    /**
     * An output folder a job writes fixed names into: as {@link #folder}, and when it already exists, each of those files
     * writable (not a folder standing at its name, not read-only) and the subfolder a folder, so the job does not stop
     * half-way with some of its files written.
     */
    OverwriteGuard folderHolding(Path dir, List<String> files, String subfolder) {
        folder(dir);
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) return this;
        for (String f : files) {
            String why = OutputCheck.whyNotFile(dir.resolve(f));
            if (why != null) throw new UsageException(why);
        }
        return folder(dir.resolve(subfolder));
    }

    private void notAnInput(String option, Path out) {
        for (Path in : inputs) {
            if (SamePath.of(in, out)) throw new UsageException(option + " " + out + " would overwrite the input " + in);
        }
    }
}
