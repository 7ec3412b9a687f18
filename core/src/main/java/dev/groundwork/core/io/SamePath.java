package dev.groundwork.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name the same file or folder: the same path once made absolute and normalised, or two existing
 * paths that lead to one file (through a link, another spelling). The commands use it to refuse an output that would
 * overwrite one of their inputs.
 */
public final class SamePath {
    private SamePath() { }

    public static boolean of(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
