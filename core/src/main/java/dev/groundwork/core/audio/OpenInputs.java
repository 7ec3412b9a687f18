package dev.groundwork.core.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** The real paths of files this process currently has open for reading, so no writer can replace one. */
final class OpenInputs {
    private static final ConcurrentHashMap<Path, Integer> OPEN = new ConcurrentHashMap<>();

    private OpenInputs() { }

    static Path register(Path file) {
        Path real = realPath(file);
        OPEN.merge(real, 1, Integer::sum);
        return real;
    }

    static void release(Path real) {
        OPEN.computeIfPresent(real, (k, n) -> n <= 1 ? null : n - 1);
    }

    static boolean isOpen(Path file) {
        return Files.exists(file) && OPEN.containsKey(realPath(file));
    }

    static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
