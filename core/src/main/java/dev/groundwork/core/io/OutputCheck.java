package dev.groundwork.core.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a job will be able to write an output, asked before the job starts: a five-minute master should not end in
 * "permission denied". Each answer is the one line a user reads (naming the file and why), or null when the output
 * can be written. What cannot be foreseen (a disk that fills up, a folder made read-only during the job) still fails
 * at the write, which never leaves a half file (outputs go through a {@link SiblingTempFile}).
 */
public final class OutputCheck {
    private OutputCheck() { }

    /**
     * Why {@code file} cannot be written, or null. Its folder must already exist (a typo in a path should not grow a
     * new folder), be a folder and take new files (the output is written beside it, then moved into place); the file
     * itself must not be a folder, nor a read-only file the user protected.
     */
    public static String whyNotFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) return file + " is a folder, not a file";
        Path dir = abs.getParent();
        if (dir == null) return "cannot write " + file + ": it has no folder";
        String name = " (for " + abs.getFileName() + ")";
        if (!Files.isDirectory(dir)) {
            Path existing = nearestExisting(dir);
            if (existing != null && !Files.isDirectory(existing)) return existing + " is a file, not a folder" + name;
            return "folder " + dir + " does not exist" + name;
        }
        if (!takesNewFiles(dir)) return "folder " + dir + " is not writable" + name;
        if (Files.exists(abs) && !Files.isWritable(abs)) return file + " is read-only";
        return null;
    }

    /**
     * Why {@code folder} cannot hold a job's files, or null: it is a writable folder, or it does not exist yet and
     * its nearest existing ancestor is a folder it can be created in (jobs that write a folder create it).
     */
    public static String whyNotFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) return takesNewFiles(abs) ? null : "folder " + folder + " is not writable";
        if (Files.exists(abs)) return folder + " is a file, not a folder";
        Path ancestor = nearestExisting(abs);
        if (ancestor == null) return null;
        if (!Files.isDirectory(ancestor)) return "cannot create folder " + folder + ": " + ancestor + " is a file, not a folder";
        if (!takesNewFiles(ancestor)) return "cannot create folder " + folder + ": folder " + ancestor + " is not writable";
        return null;
    }

    private static Path nearestExisting(Path abs) {
        Path p = abs;
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p;
    }

    /** Creating a file in a folder needs both write and search (execute) permission on it. */
    private static boolean takesNewFiles(Path dir) {
        return Files.isWritable(dir) && Files.isExecutable(dir);
    }
}
