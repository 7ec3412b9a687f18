package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The projects of a workspace: every sub-folder holding a {@code project.json}. Opened projects are shared by all requests. */
public final class ProjectStore {
    private final Workspace workspace;
    private final Map<String, Project> open = new ConcurrentHashMap<>();

    public ProjectStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() { return workspace; }

    public record Summary(String id, String name, String created, long decisions) { }

    public List<Summary> list() {
        List<Summary> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(workspace.root())) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path meta = d.resolve(Project.META_FILE);
                if (!Files.isRegularFile(meta)) continue;
                String id = d.getFileName().toString();
                if (!validId(id)) continue;
                try {
                    JsonNode m = Json.MAPPER.readTree(meta.toFile());
                    Project p = open(id);
                    out.add(new Summary(id, m.path("name").asText(id), m.path("created").asText(""), p.decisions().size()));
                } catch (IOException | ApiError e) {
                    // A broken or foreign folder is simply not listed.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list workspace: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Summary::created).reversed());
        return out;
    }

    public synchronized Project create(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) throw ApiError.badRequest("a project name is 1 to 80 characters");
        String base = slug(clean);
        String id = base;
        for (int i = 2; Files.exists(workspace.root().resolve(id)); i++) id = base + "-" + i;
        Path folder = workspace.resolve(id);
        try {
            Files.createDirectories(folder);
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("name", clean);
            meta.put("created", Instant.now().toString());
            Json.write(folder.resolve(Project.META_FILE), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create project " + clean + ": " + e.getMessage(), e);
        }
        return open(id);
    }

    /** Opens (or returns the already open) project; unknown or unsafe ids are a 404. */
    public Project open(String id) {
        if (!validId(id)) throw ApiError.notFound("no project '" + id + "'");
        return open.computeIfAbsent(id, k -> {
            Path folder = workspace.resolve(k);
            Path meta = folder.resolve(Project.META_FILE);
            if (!Files.isRegularFile(meta)) throw ApiError.notFound("no project '" + k + "'");
            workspace.checkInside(meta);
            String name;
            try {
                name = Json.MAPPER.readTree(meta.toFile()).path("name").asText(k);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + meta + ": " + e.getMessage(), e);
            }
            return new Project(k, name, folder, workspace);
        });
    }

    static boolean validId(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]{0,63}");
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) s = s.substring(0, 48).replaceAll("-+$", "");
        return s.isEmpty() ? "project" : s;
    }
}
