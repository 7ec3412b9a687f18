package dev.groundwork.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says why a file operation failed, for the one error line a user reads. The JDK's own message for a
 * {@link FileSystemException} is often just the path (for a permission problem, the hidden temporary file's path),
 * which tells the user nothing.
 */
public final class IoErrors {
    private IoErrors() { }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileAlreadyExistsException f && f.getFile() != null) {
            // Files.createDirectories throws this when a file stands where a folder is needed
            Path p = Path.of(f.getFile());
            return p.getFileName() + (Files.isRegularFile(p) ? " is a file, not a folder" : " already exists");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
