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
        // a reference track to match the tonal balance of (--reference): kept beside the inputs, offered on the page, not the source
        app.post("/api/projects/{id}/master/reference/upload", ctx -> {
            Project p = pc.project(ctx);
            StoredAudio a = pc.uploads().receive(ctx, p, p.dir("master/references")).get(0);
            pc.decide(p, "master", "choose_reference", "tonal reference: " + a.name(), "/master/reference", a);
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
            int n = PageContext.intIn(b, "candidates", 1, dev.groundwork.master.Character.values().length, 3);
            dev.groundwork.master.Character first = character(b);
            double maxLimiting = maxLimiting(b, 0);
            Double lufs = customLufs(b, null), ceiling = customCeiling(b, null);
            MasterEngine.Reference reference = reference(p, b, null);
            Path source = source(p);
            Path out = p.newDir("master/run");
            String rel = p.relative(out);
            ctx.status(202).json(pc.submit(p, "master", "master for " + MasterEngine.target(target, lufs, ceiling).preset() + " (" + n + " candidates)",
                    progress -> Json.MAPPER.valueToTree(MasterEngine.propose(source, target, lufs, ceiling, reference, first, n, maxLimiting, out, rel, progress)),
                    result -> pc.decide(p, "master", "propose", "proposed " + result.path("candidates").size()
                            + " candidates for " + targetText(MasterEngine.target(target, lufs, ceiling)), "/master/run", result)));
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
            MasterEngine.Reference reference = reference(p, b, s.path("reference").isTextual() ? s.path("reference").asText() : null);
            MasterViews.Adjustment a = new MasterViews.Adjustment(target,
                    PageContext.doubleIn(b, "eq_amount", 0, 100, s.path("eq_amount").asDouble(50)),
                    PageContext.doubleIn(b, "intensity", 0, 100, s.path("intensity").asDouble(50)),
                    PageContext.doubleIn(b, "width", 0, 1.5, s.path("width").asDouble(1)),
                    PageContext.bool(b, "multiband", s.path("multiband").asBoolean(false)), s.path("multiband_by_character").asBoolean(false),
                    customLufs(b, number(s.path("lufs"))), customCeiling(b, number(s.path("ceiling_dbtp"))), reference == null ? null : reference.path(),
                    maxLimiting(b, s.path("max_limiting_lu").asDouble(0)));
            Path source = source(p);
            Path plan = p.resolve(c.path("plan_path").asText());
            Path out = p.resolve(c.path("path").asText()).getParent();
            int n = p.get("/master/run").path("candidates").size();
            String newId = c.path("character").asText() + "-" + (p.decisions().size() + 1);
            String label = (char) ('A' + n) + " · " + c.path("label").asText(id).replaceFirst("^[A-Z] · ", "") + " (adjusted)";
            ctx.status(202).json(pc.submit(p, "master", "re-render " + c.path("label").asText(id),
                    progress -> Json.MAPPER.valueToTree(MasterEngine.adjust(source, plan, c.path("character").asText(), a, reference, out, p.relative(out),
                            newId, label, progress)),
                    result -> {
                        JsonNode current = p.get("/master/run");
                        var updated = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
                        updated.withArray("candidates").add(result);
                        pc.decide(p, "master", "adjust", String.format(java.util.Locale.ROOT,
                                "re-rendered %s as %s (target %s, EQ %.0f %%, intensity %.0f %%, width %.2f, multiband %s%s)", c.path("label").asText(id),
                                result.path("label").asText(), targetText(a.delivery()), a.eqAmount(), a.intensity(), a.width(),
                                a.multiband() || a.multibandByCharacter() ? "on" : "off",
                                a.maxLimitingLu() > 0 ? String.format(java.util.Locale.ROOT, ", limiting at most %.1f LU", a.maxLimitingLu()) : ""),
                                "/master/run", updated);
                    }));
        });
        // a candidate for delivery at a sample rate and format (--rate, --bits), mastered again exactly as its settings say
        app.post("/api/projects/{id}/master/deliver", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            String id = PageContext.text(b, "candidate");
            JsonNode c = candidate(p, id);
            double rate = b.hasNonNull("rate_hz") ? PageContext.doubleIn(b, "rate_hz", 8000, 192000, 0) : 0;
            if (rate != 0 && !dev.groundwork.core.audio.AudioFiles.isWritableRate(rate)) throw ApiError.badRequest("rate_hz must be a whole number of Hz, not " + rate);
            String bits = b.path("bits").asText("24");
            if (!BITS.contains(bits)) throw ApiError.badRequest("bits must be one of " + BITS + ", not " + bits);
            JsonNode s = c.path("settings");
            MasterEngine.Reference reference = reference(p, s, null);
            MasterViews.Adjustment a = Json.MAPPER.convertValue(s, MasterViews.Adjustment.class);
            Path source = source(p);
            Path out = p.newDir("master/delivery");
            String rel = p.relative(out);
            String what = (rate == 0 ? "the source's rate" : String.format(java.util.Locale.ROOT, "%.0f Hz", rate)) + ", " + (bits.equals("32f") ? "32-bit float" : bits + "-bit");
            ctx.status(202).json(pc.submit(p, "master", "deliver " + c.path("label").asText(id) + " at " + what,
                    progress -> Json.MAPPER.valueToTree(MasterEngine.deliver(source, id, c.path("character").asText(), a, reference, rate, bits, out, rel, progress)),
                    result -> {
                        com.fasterxml.jackson.databind.node.ArrayNode all = Json.MAPPER.createArrayNode();
                        JsonNode before = p.get("/master/deliveries");
                        if (before != null) all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) before.deepCopy());
                        all.add(result);
                        pc.decide(p, "master", "deliver", "delivered " + c.path("label").asText(id) + " at " + what + ": " + result.path("path").asText(),
                                "/master/deliveries", all);
                    }));
        });
    }

    /** The first candidate's character ("character", --character; default transparent); the others follow in the module's order. */
    private static dev.groundwork.master.Character character(JsonNode b) {
        String c = b.path("character").asText("");
        if (c.isEmpty()) return dev.groundwork.master.Character.TRANSPARENT;
        try {
            return dev.groundwork.master.Character.parse(c);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** The loudness the limiter may take ("max_limiting_lu", 0..20 LU, --max-limiting; 0 = automatic); absent keeps {@code kept}. */
    private static double maxLimiting(JsonNode b, double kept) {
        return PageContext.doubleIn(b, "max_limiting_lu", 0, 20, kept);
    }

    /** The sample formats a delivery can be written in (--bits; 16 is dithered). */
    static final List<String> BITS = List.of("24", "16", "32f");

    /**
     * The producer's loudness target ("lufs", -40..-3 LUFS, --lufs) in place of the preset's: absent keeps {@code kept} (the
     * candidate's on an adjustment), null gives the preset's.
     */
    private static Double customLufs(JsonNode b, Double kept) {
        return !b.has("lufs") ? kept : b.get("lufs").isNull() ? null : PageContext.doubleIn(b, "lufs", -40, -3, 0);
    }

    /** The producer's true-peak ceiling ("ceiling_dbtp", -12..0 dBTP, --ceiling), as {@link #customLufs}. */
    private static Double customCeiling(JsonNode b, Double kept) {
        return !b.has("ceiling_dbtp") ? kept : b.get("ceiling_dbtp").isNull() ? null : PageContext.doubleIn(b, "ceiling_dbtp", -12, 0, 0);
    }

    /**
     * The reference track ("reference": the path of an audio file in the project, --reference): absent keeps {@code kept} (the
     * candidate's on an adjustment), null or "" is none (the built-in neutral curve).
     */
    private static MasterEngine.Reference reference(Project p, JsonNode b, String kept) {
        String rel = !b.has("reference") ? kept : b.get("reference").isNull() ? null : b.get("reference").asText("");
        if (rel == null || rel.isEmpty()) return null;
        Path f = p.resolve(rel);
        if (!Files.isRegularFile(f)) throw ApiError.notFound("no reference file " + rel);
        return new MasterEngine.Reference(f, p.relative(f));
    }

    private static Double number(JsonNode n) { return n.isNumber() ? n.asDouble() : null; }

    private static String targetText(dev.groundwork.master.Target t) {
        return t.preset().endsWith("+custom") ? String.format(java.util.Locale.ROOT, "%s %.1f LUFS, %.1f dBTP", t.preset(), t.lufs(), t.ceilingDbtp()) : t.preset();
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
