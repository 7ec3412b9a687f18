package dev.groundwork.mix.export;

import java.io.File;
import java.nio.file.Path;

/**
 * How an exported session names the stems it references: relative to the folder of the exported file when
 * both live under one root folder (a song folder moved or copied as a whole keeps working), absolute when they
 * share nothing but the file-system root or another drive (a relative path through the root breaks as soon
 * as either side moves). Forward slashes either way, as both formats write them on every platform.
 */
final class StemPaths {
    private StemPaths() { }

    static String reference(Path exportDir, Path stem) {
        Path abs = stem.toAbsolutePath().normalize();
        Path dir = exportDir.toAbsolutePath().normalize();
        if (sharesAFolder(dir, abs)) {
            try {
                return slashes(dir.relativize(abs).toString());
            } catch (IllegalArgumentException otherRoot) {
                // fall through: no relative path exists
            }
        }
        return slashes(abs.toString());
    }

    /** Whether the two absolute paths have a common ancestor below the file-system root. */
    private static boolean sharesAFolder(Path a, Path b) {
        if (a.getRoot() == null || !a.getRoot().equals(b.getRoot())) return false;
        return a.getNameCount() > 0 && b.getNameCount() > 0 && a.getName(0).equals(b.getName(0));
    }

    private static String slashes(String s) { return s.replace(File.separatorChar, '/'); }
}
