package dev.groundwork.studio.workspace;

import dev.groundwork.studio.ApiError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one folder the studio may touch. Every path that arrives from a request goes through
 * {@link #resolve}: relative only, no {@code ..}, and its real path (symlinks followed) must stay inside.
 */
public final class Workspace {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ ()+-]{0,119}");

    private final Path root;

    public Workspace(Path folder) {
        try {
            Files.createDirectories(folder);
            this.root = folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use workspace " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path root() { return root; }

    /** Resolves a request's relative path against the workspace root. */
    public Path resolve(String relative) {
        return resolveUnder(root, relative);
    }

    /**
     * Resolves {@code relative} under {@code base} (itself inside the workspace), refusing absolute paths,
     * parent steps, and anything whose real location (after symlinks) leaves the workspace.
     */
    public Path resolveUnder(Path base, String relative) {
        if (relative == null || relative.isEmpty()) throw ApiError.badRequest("a path is required");
        if (relative.indexOf('\0') >= 0) throw ApiError.badRequest("a path must not contain NUL characters");
        String unified = relative.replace('\\', '/');
        if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*") || unified.startsWith("~")) {
            throw ApiError.forbidden("absolute paths are not allowed: give a path inside the project");
        }
        for (String segment : unified.split("/")) {
            if (segment.equals("..")) throw ApiError.forbidden("'..' is not allowed in a path");
        }
        Path candidate;
        try {
            candidate = base.resolve(unified).normalize();
        } catch (InvalidPathException e) {
            throw ApiError.badRequest("not a valid path: " + e.getReason());
        }
        checkInside(candidate);
        return candidate;
    }

    /** Throws unless the real location of {@code path} (or of its nearest existing ancestor) is inside the workspace. */
    public void checkInside(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) throw ApiError.forbidden("path is outside the workspace");
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) throw ApiError.forbidden("path is outside the workspace");
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(root)) throw ApiError.forbidden("path leads outside the workspace (symbolic link)");
        } catch (IOException e) {
            // A dangling symlink has no real path: refuse it rather than guess where it points.
            throw ApiError.forbidden("path cannot be resolved inside the workspace");
        }
    }

    /** A file or folder name from a user (an upload, a project) reduced to something safe on every OS. */
    public static String safeName(String name, String fallback) {
        if (name == null) return fallback;
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' || c == ' ' || c == '(' || c == ')' || c == '+' ? c : '_');
        }
        String s = b.toString().strip();
        // No hidden files, no names a shell or a tool could take for an option.
        while (!s.isEmpty() && (s.charAt(0) == '.' || s.charAt(0) == '-' || s.charAt(0) == '_' || s.charAt(0) == ' ')) {
            s = s.substring(1);
        }
        if (s.length() > 120) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 8 ? s.substring(dot) : "";
            s = s.substring(0, 120 - ext.length()) + ext;
        }
        return SAFE_NAME.matcher(s).matches() ? s : fallback;
    }
}
