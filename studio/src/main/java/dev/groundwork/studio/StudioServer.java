package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.studio.jobs.EventHub;
import dev.groundwork.studio.jobs.JobQueue;
import dev.groundwork.studio.media.AudioOverview;
import dev.groundwork.studio.media.MediaTypes;
import dev.groundwork.studio.media.RangeResponse;
import dev.groundwork.studio.media.Uploads;
import dev.groundwork.studio.pages.BeatPage;
import dev.groundwork.studio.pages.MasterPage;
import dev.groundwork.studio.pages.MixPage;
import dev.groundwork.studio.pages.PageContext;
import dev.groundwork.studio.project.Project;
import dev.groundwork.studio.project.ProjectStore;
import dev.groundwork.studio.workspace.Workspace;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The studio web server: static page from the jar, a JSON API over projects in one workspace folder,
 * audio served with range requests, long jobs in a bounded queue with progress as server-sent events.
 */
public final class StudioServer implements AutoCloseable {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final StudioSettings settings;
    private final Workspace workspace;
    private final ProjectStore projects;
    private final EventHub events = new EventHub();
    private final JobQueue jobs;
    private final Uploads uploads;
    private final boolean loopbackOnly;
    private Javalin app;

    public StudioServer(StudioSettings settings) {
        this.settings = settings;
        this.workspace = new Workspace(settings.workspace());
        this.projects = new ProjectStore(workspace);
        this.jobs = new JobQueue(settings.parallelJobs(), settings.queuedJobs(), events);
        this.uploads = new Uploads(settings.maxUploadBytes());
        this.loopbackOnly = settings.loopbackOnly(); // resolved once, not per request
    }

    public StudioServer start() {
        Path uploadCache = workspace.root().resolve(".upload-cache");
        try {
            Files.createDirectories(uploadCache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + uploadCache + ": " + e.getMessage(), e);
        }
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // The page speaks groundwork's JSON dialect: snake_case, units in names, non-finite as null.
            config.jsonMapper(new io.javalin.json.JavalinJackson(
                    Json.MAPPER.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT), false));
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/studio-web";
                s.location = Location.CLASSPATH;
            });
            config.jetty.multipartConfig.cacheDirectory(uploadCache.toString());
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + 1024 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
            config.http.maxRequestSize = 4L * 1024 * 1024; // JSON bodies; uploads are multipart and limited above
        });
        app.before(this::guardHostAndOrigin);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !ctx.res().isCommitted() && ctx.result() == null) error(ctx, 404, "no such API: " + ctx.path());
        });

        app.get("/api/status", ctx -> ctx.json(Map.of("workspace", workspace.root().toString(),
                "max_upload_bytes", settings.maxUploadBytes(), "jobs", jobs.list(), "engines", PageContext.engines())));
        app.sse("/api/events", client -> {
            client.keepAlive();
            events.add(client);
            client.sendEvent("hello", JsonLine.of(Map.of("jobs", jobs.list())));
        });
        app.get("/api/jobs", ctx -> ctx.json(jobs.list()));
        app.get("/api/jobs/{job}", ctx -> ctx.json(jobs.get(ctx.pathParam("job"))));

        app.get("/api/projects", ctx -> ctx.json(projects.list()));
        app.post("/api/projects", ctx -> {
            Project p = projects.create(PageContext.body(ctx).path("name").asText(""));
            ctx.status(201).json(projectView(p));
        });
        app.get("/api/projects/{id}", ctx -> ctx.json(projectView(project(ctx))));
        app.post("/api/projects/{id}/decisions", ctx -> {
            Project p = project(ctx);
            JsonNode b = PageContext.body(ctx);
            String page = b.path("page").asText("");
            if (!Set.of("master", "mix", "beat").contains(page)) throw ApiError.badRequest("page must be master, mix or beat");
            String path = b.path("path").asText("");
            if (!path.startsWith("/" + page + "/")) throw ApiError.badRequest("a " + page + " choice must change a /" + page + "/ value");
            p.decide(page, b.path("action").asText("edit"), b.path("summary").asText("changed " + path), path, b.get("value"));
            changed(p);
            ctx.json(projectView(p));
        });
        app.post("/api/projects/{id}/undo", ctx -> {
            Project p = project(ctx);
            if (p.undo().isEmpty()) throw new ApiError(409, "nothing to undo");
            changed(p);
            ctx.json(projectView(p));
        });
        app.get("/api/projects/{id}/files/<path>", this::serveFile);
        app.get("/api/projects/{id}/audio", ctx -> ctx.json(audioFiles(project(ctx))));
        app.get("/api/projects/{id}/overview/<path>", ctx -> {
            Project p = project(ctx);
            Path f = existingFile(p, ctx.pathParam("path"));
            ctx.json(overview(p, f));
        });

        PageContext pc = new PageContext(projects, jobs, uploads, this::changed);
        new MasterPage(pc).register(app);
        new MixPage(pc).register(app);
        new BeatPage(pc).register(app);

        app.start(settings.host(), settings.port());
        return this;
    }

    public int port() { return app.port(); }

    public URI url() {
        String h = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + h + ":" + port() + "/");
    }

    public Workspace workspace() { return workspace; }

    public ProjectStore projects() { return projects; }

    @Override
    public void close() {
        jobs.close();
        if (app != null) app.stop();
    }

    private Project project(Context ctx) { return projects.open(ctx.pathParam("id")); }

    private void changed(Project p) {
        events.broadcast("project", Map.of("id", p.id(), "decisions", p.decisions().size()));
    }

    private static ObjectNode projectView(Project p) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("id", p.id());
        v.put("name", p.name());
        v.set("state", p.state());
        v.set("decisions", Json.MAPPER.valueToTree(p.decisions()));
        v.set("active", Json.MAPPER.valueToTree(p.activeDecisions()));
        return v;
    }

    private static Path existingFile(Project p, String relative) {
        Path f = p.resolve(relative);
        if (!Files.isRegularFile(f)) throw ApiError.notFound("no file " + relative + " in project " + p.id());
        return f;
    }

    private void serveFile(Context ctx) throws IOException {
        Project p = project(ctx);
        Path f = existingFile(p, ctx.pathParam("path"));
        String name = f.getFileName().toString();
        if (name.equals(Project.META_FILE)) throw ApiError.notFound("no file " + name);
        if (ctx.queryParam("download") != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
        }
        ctx.header("Cache-Control", "no-cache");
        // Range requests: the browser seeks in audio without downloading the whole file again.
        RangeResponse.send(ctx, f, Files.size(f), MediaTypes.of(name));
    }

    /** Every audio file of a project (uploads, renders, beats) that a page may offer as a source. */
    private static java.util.List<Map<String, String>> audioFiles(Project p) throws IOException {
        try (var walk = Files.walk(p.folder(), 4)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !p.relative(f).startsWith(".") && !f.getFileName().toString().startsWith("."))
                    .filter(f -> MediaTypes.of(f.getFileName().toString()).startsWith("audio/") && !f.toString().endsWith(".mid"))
                    .sorted()
                    .map(f -> Map.of("name", f.getFileName().toString(), "path", p.relative(f)))
                    .toList();
        }
    }

    private static JsonNode overview(Project p, Path audio) throws IOException {
        Path cache = p.dir(".cache");
        String key = Integer.toHexString(p.relative(audio).hashCode()) + "-" + Files.size(audio) + "-" + Files.getLastModifiedTime(audio).toMillis();
        Path cached = cache.resolve("overview-" + key + ".json");
        if (Files.isRegularFile(cached)) return Json.MAPPER.readTree(cached.toFile());
        JsonNode v = Json.MAPPER.valueToTree(AudioOverview.measure(audio));
        Json.write(cached, v);
        return v;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error" : message.replace('\n', ' ')));
    }

    /**
     * On loopback, refuse requests for other host names (DNS rebinding) and state changes from other
     * sites' pages (a web page elsewhere must not drive the local studio).
     */
    private void guardHostAndOrigin(Context ctx) {
        if (!loopbackOnly) return;
        String host = hostName(ctx.header("Host"));
        if (host != null && !LOOPBACK_NAMES.contains(host)) throw ApiError.forbidden("the studio only answers on localhost");
        String origin = ctx.header("Origin");
        if (origin != null && ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !origin.equals("null")) {
            String oh = hostName(URI.create(origin).getAuthority());
            if (oh == null || !LOOPBACK_NAMES.contains(oh)) throw ApiError.forbidden("requests from other sites are refused");
        }
    }

    static String hostName(String authority) {
        if (authority == null || authority.isBlank()) return null;
        String a = authority.toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) return a.substring(0, a.indexOf(']') + 1);
        int colon = a.lastIndexOf(':');
        return colon > 0 ? a.substring(0, colon) : a;
    }
}
