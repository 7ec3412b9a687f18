package dev.groundwork.studio.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.media.StoredAudio;
import dev.groundwork.studio.project.Project;
import io.javalin.Javalin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Master page API: choose a source, propose candidates for a target, choose one, adjust its plan and
 * re-render. Choices land in the decision log under {@code /master/...}.
 */
public final class MasterPage {
    private final PageContext pc;

    public MasterPage(PageContext pc) {
        this.pc = pc;
    }

    public void register(Javalin app) {
        app.get("/api/master/targets", ctx -> ctx.json(MasterEngine.targets()));
        app.post("/api/projects/{id}/master/upload", ctx -> {
            Project p = pc.project(ctx);
            List<StoredAudio> stored = pc.uploads().receive(ctx, p, p.dir("master/inputs"));
            StoredAudio a = stored.get(0);
            pc.decide(p, "master", "choose_source", "master source: " + a.name(), "/master/source", a);
            ctx.status(201).json(a);
        });
        app.post("/api/projects/{id}/master/source", ctx -> {
            Project p = pc.project(ctx);
            String rel = PageContext.text(PageContext.body(ctx), "path");
            Path f = p.resolve(rel);
            if (!Files.isRegularFile(f)) throw ApiError.notFound("no file " + rel);
            Map<String, String> src = Map.of("name", f.getFileName().toString(), "path", p.relative(f));
            pc.decide(p, "master", "choose_source", "master source: " + f.getFileName(), "/master/source", src);
            ctx.json(src);
        });
        app.post("/api/projects/{id}/master/propose", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            String target = b.path("target").asText("spotify");
            if (!MasterEngine.targets().contains(target)) throw ApiError.badRequest("unknown target " + target + "; one of " + MasterEngine.targets());
            int n = PageContext.intIn(b, "candidates", 1, 6, 3);
            Path source = source(p);
            Path out = p.newDir("master/run");
            String rel = p.relative(out);
            ctx.status(202).json(pc.submit(p, "master", "master for " + target + " (" + n + " candidates)",
                    progress -> Json.MAPPER.valueToTree(MasterEngine.propose(source, target, n, out, rel, progress)),
                    result -> pc.decide(p, "master", "propose", "proposed " + result.path("candidates").size()
                            + " candidates for " + target, "/master/run", result)));
        });
        app.post("/api/projects/{id}/master/choose", ctx -> {
            Project p = pc.project(ctx);
            String id = PageContext.text(PageContext.body(ctx), "candidate");
            JsonNode c = candidate(p, id);
            pc.decide(p, "master", "choose_candidate", "chose " + c.path("label").asText(id), "/master/chosen", id);
            ctx.json(c);
        });
        app.post("/api/projects/{id}/master/adjust", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            String id = PageContext.text(b, "candidate");
            JsonNode c = candidate(p, id);
            JsonNode s = c.path("settings");
            String target = b.path("target").asText(s.path("target").asText("spotify"));
            if (!MasterEngine.targets().contains(target)) throw ApiError.badRequest("unknown target " + target);
            MasterViews.Adjustment a = new MasterViews.Adjustment(target,
                    PageContext.doubleIn(b, "eq_amount", 0, 100, s.path("eq_amount").asDouble(50)),
                    PageContext.doubleIn(b, "intensity", 0, 100, s.path("intensity").asDouble(50)),
                    PageContext.doubleIn(b, "width", 0, 1.5, s.path("width").asDouble(1)),
                    PageContext.bool(b, "multiband", s.path("multiband").asBoolean(false)), s.path("multiband_by_character").asBoolean(false));
            Path source = source(p);
            Path plan = p.resolve(c.path("plan_path").asText());
            Path out = p.resolve(c.path("path").asText()).getParent();
            int n = p.get("/master/run").path("candidates").size();
            String newId = c.path("character").asText() + "-" + (p.decisions().size() + 1);
            String label = (char) ('A' + n) + " · " + c.path("label").asText(id).replaceFirst("^[A-Z] · ", "") + " (adjusted)";
            ctx.status(202).json(pc.submit(p, "master", "re-render " + c.path("label").asText(id),
                    progress -> Json.MAPPER.valueToTree(MasterEngine.adjust(source, plan, c.path("character").asText(), a, out, p.relative(out),
                            newId, label, progress)),
                    result -> {
                        JsonNode current = p.get("/master/run");
                        var updated = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
                        updated.withArray("candidates").add(result);
                        pc.decide(p, "master", "adjust", String.format(java.util.Locale.ROOT,
                                "re-rendered %s as %s (target %s, EQ %.0f %%, intensity %.0f %%, width %.2f, multiband %s)", c.path("label").asText(id),
                                result.path("label").asText(), a.target(), a.eqAmount(), a.intensity(), a.width(),
                                a.multiband() || a.multibandByCharacter() ? "on" : "off"), "/master/run", updated);
                    }));
        });
    }

    private static Path source(Project p) {
        JsonNode src = p.get("/master/source");
        if (src == null) throw ApiError.badRequest("choose or upload a file to master first");
        Path f = p.resolve(src.path("path").asText());
        if (!Files.isRegularFile(f)) throw ApiError.notFound("the master source is gone: " + src.path("path").asText());
        return f;
    }

    private static JsonNode candidate(Project p, String id) {
        JsonNode run = p.get("/master/run");
        if (run == null) throw ApiError.badRequest("no candidates yet: propose a master first");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : run.path("candidates")) {
            if (c.path("id").asText().equals(id)) return c;
            ids.add(c.path("id").asText());
        }
        throw ApiError.notFound("no candidate " + id + " (there are " + ids + ")");
    }
}
