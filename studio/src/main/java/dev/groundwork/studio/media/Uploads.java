package dev.groundwork.studio.media;

import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.project.Project;
import dev.groundwork.studio.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Receives audio from the page: size-limited, stored under a safe name in the project, and probed to be
 * audio before anything else sees it. A zip of stems is unpacked entry by entry with the same checks.
 */
public final class Uploads {
    private static final int MAX_FILES = 64;

    private final long maxBytes;

    public Uploads(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() { return maxBytes; }

    /** Refuses a request whose declared body is already over the limit, before a byte is read. */
    public void checkDeclaredLength(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge();
    }

    public ApiError tooLarge() {
        return new ApiError(413, "upload is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB (start the studio with --max-upload-mb to change it)");
    }

    /** Stores every part named {@code files} into {@code folder} of the project. */
    public List<StoredAudio> receive(Context ctx, Project project, Path folder) {
        checkDeclaredLength(ctx);
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles("files");
        } catch (RuntimeException e) {
            throw mapMultipartFailure(e);
        }
        if (files.isEmpty()) throw ApiError.badRequest("no file in the upload (send multipart field 'files')");
        if (files.size() > MAX_FILES) throw ApiError.badRequest("at most " + MAX_FILES + " files per upload");
        List<StoredAudio> stored = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            for (UploadedFile f : files) {
                String name = Workspace.safeName(f.filename(), "upload");
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    try (InputStream in = f.content()) {
                        unzip(in, project, folder, stored, written);
                    }
                } else {
                    if (f.size() > maxBytes) throw tooLarge();
                    try (InputStream in = f.content()) {
                        stored.add(store(in, name, project, folder, written));
                    }
                }
            }
            if (stored.isEmpty()) throw new ApiError(415, "the upload held no audio file");
            return stored;
        } catch (IOException e) {
            deleteAll(written);
            throw new UncheckedIOException("upload failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteAll(written); // all or nothing: a rejected upload leaves no half set of stems behind
            throw e;
        }
    }

    static RuntimeException mapMultipartFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max")) return new ApiError(413, "upload is larger than the limit");
        }
        return ApiError.badRequest("could not read the upload: " + e.getMessage());
    }

    private void unzip(InputStream raw, Project project, Path folder, List<StoredAudio> stored, List<Path> written) throws IOException {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                String entryName = e.getName().replace('\\', '/');
                String base = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (base.startsWith(".") || entryName.startsWith("__MACOSX/")) continue; // Finder litter, not stems
                if (stored.size() >= MAX_FILES) throw ApiError.badRequest("at most " + MAX_FILES + " files in a zip");
                // Entries are flattened to their file name: a zip cannot place files outside the folder.
                LimitedInputStream limited = new LimitedInputStream(zip, maxBytes - total);
                StoredAudio a = store(limited, Workspace.safeName(base, "stem"), project, folder, written);
                total += limited.count();
                stored.add(a);
            }
        }
    }

    private StoredAudio store(InputStream in, String name, Project project, Path folder, List<Path> written) throws IOException {
        Files.createDirectories(folder);
        // beside its target with the usual permissions (createTempFile would make the stored audio owner-only)
        Path tmp = dev.groundwork.core.io.SiblingTempFile.create(folder.resolve(name));
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                bytes = new LimitedInputStream(in, maxBytes).transferTo(out);
            }
            AudioFileInfo info;
            try {
                info = probeAs(tmp, name);
            } catch (RuntimeException e) {
                throw new ApiError(415, name + " is not audio groundwork can read (" + oneLine(e) + ")");
            }
            Path target = unique(folder, name);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
            return new StoredAudio(target.getFileName().toString(), project.relative(target), info.format(),
                    info.sampleRate(), info.channels(), info.durationSeconds(), bytes);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Probes the bytes under their real extension (some readers go by it) via a sibling hard-to-guess name. */
    private static AudioFileInfo probeAs(Path tmp, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        Path named = ext.isEmpty() ? tmp : tmp.resolveSibling(tmp.getFileName() + ext);
        if (!ext.isEmpty()) Files.move(tmp, named);
        try {
            AudioFileInfo info;
            try {
                info = AudioFiles.probe(named);
            } catch (RuntimeException e) {
                // the reader names the hidden temporary file; the user knows the upload by its own name
                String prefix = named.getFileName() + ": ";
                String m = oneLine(e);
                throw new IllegalArgumentException(m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
            }
            if (info.frames() <= 0 || info.channels() < 1) throw new IllegalArgumentException("it holds no samples");
            return info;
        } finally {
            if (!ext.isEmpty()) Files.move(named, tmp);
        }
    }

    static Path unique(Path folder, String name) {
        Path p = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; Files.exists(p); i++) p = folder.resolve(stem + "-" + i + ext);
        return p;
    }

    private static void deleteAll(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the upload already failed with a clearer message
            }
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /** Counts bytes and fails with 413 when more than the limit arrive (a zip entry may lie about its size). */
    final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        long count() { return count; }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > limit) throw tooLarge();
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (count += n) > limit) throw tooLarge();
            return n;
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner, entry by entry
        }
    }
}
