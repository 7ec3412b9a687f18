package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.studio.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A project is a plain folder in the workspace: {@code project.json} (its name), {@code decisions.jsonl}
 * (every choice), and one folder per page ({@code master/}, {@code mix/}, {@code beat/}) with inputs,
 * plans and rendered candidates. Methods are synchronized: several tabs may act on one project.
 */
public final class Project {
    public static final String LOG_FILE = "decisions.jsonl";
    public static final String META_FILE = "project.json";

    private final String id;
    private final String name;
    private final Path folder;
    private final Workspace workspace;
    private final DecisionLog log;

    Project(String id, String name, Path folder, Workspace workspace) {
        this.id = id;
        this.name = name;
        this.folder = folder;
        this.workspace = workspace;
        this.log = new DecisionLog(folder.resolve(LOG_FILE));
    }

    public String id() { return id; }

    public String name() { return name; }

    public Path folder() { return folder; }

    /** A path inside this project from a request, checked to stay inside (no '..', no absolute, no symlink escape). */
    public Path resolve(String relative) {
        return workspace.resolveUnder(folder, relative);
    }

    /** A folder of this project, created on first use. */
    public Path dir(String relative) {
        Path p = resolve(relative);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + relative + ": " + e.getMessage(), e);
        }
        workspace.checkInside(p);
        return p;
    }

    /**
     * A new, empty folder {@code prefix-N} (N = 1, 2, …) created atomically, so two jobs started at the same
     * moment never write into the same folder.
     */
    public synchronized Path newDir(String prefix) {
        Path parent = dir(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : ".");
        String base = prefix.substring(prefix.lastIndexOf('/') + 1);
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(base + "-" + n);
            try {
                Files.createDirectory(candidate);
                return candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: try the next number
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + candidate.getFileName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Project-relative form of a path inside it, with forward slashes (what the page uses). */
    public String relative(Path p) {
        return folder.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public synchronized Decision decide(String page, String action, String summary, String path, JsonNode value) {
        return log.record(page, action, summary, path, value);
    }

    public synchronized Optional<Decision> undo() { return log.undo(); }

    public synchronized ObjectNode state() { return log.state(); }

    public synchronized JsonNode get(String path) { return log.get(path); }

    public synchronized List<Decision> decisions() { return log.lines(); }

    public synchronized List<Long> activeDecisions() { return log.activeSeqs(); }
}
