package dev.groundwork.studio.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.media.StoredAudio;
import dev.groundwork.studio.project.Project;
import io.javalin.Javalin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mix page API: upload stems (files or a zip), propose a mix, change a stem's role, fader or pan or name it a bleed/room track,
 * render a candidate from the edited plan, export WAV or DAWproject. Choices live under {@code /mix/...}.
 */
public final class MixPage {
    private final PageContext pc;

    public MixPage(PageContext pc) {
        this.pc = pc;
    }

    public void register(Javalin app) {
        app.get("/api/mix/roles", ctx -> ctx.json(MixEngine.roles()));
        app.post("/api/projects/{id}/mix/upload", ctx -> {
            Project p = pc.project(ctx);
            Path folder = p.newDir("mix/stems");
            List<StoredAudio> stored;
            try {
                stored = pc.uploads().receive(ctx, p, folder);
            } catch (RuntimeException e) {
                try (var left = java.nio.file.Files.list(folder)) {
                    if (left.findAny().isEmpty()) java.nio.file.Files.delete(folder); // a refused upload leaves no empty folder
                }
                throw e;
            }
            pc.decide(p, "mix", "choose_stems", stored.size() + " stems uploaded", "/mix/stems", stored);
            ctx.status(201).json(stored);
        });
        app.post("/api/projects/{id}/mix/propose", ctx -> {
            Project p = pc.project(ctx);
            List<Path> stems = stems(p);
            JsonNode body = PageContext.body(ctx);
            String balance = balance(p, body);
            double maskingLevel = PageContext.doubleIn(body, "masking_level", 0, 1, MixSettings.DEFAULT_MASKING_LEVEL);
            MixViews.Asked asked = new MixViews.Asked(
                    PageContext.doubleIn(body, "masking_strength", 0, 1, MixSettings.defaults().maskingStrength()), lead(body, stems),
                    intents(body), fixes(body, stems),
                    PageContext.doubleIn(body, "headroom_dbfs", MIN_HEADROOM_DBFS, 0, MixSettings.defaults().peakCeilingDbfs()));
            int candidates = PageContext.intIn(body, "candidates", 1, MixSettings.STYLES.size(), MixEngine.CANDIDATES);
            Path out = p.newDir("mix/run");
            String rel = p.relative(out);
            ctx.status(202).json(pc.submit(p, "mix", "mix " + stems.size() + " stems",
                    progress -> Json.MAPPER.valueToTree(MixEngine.propose(stemsDir(stems), p::relative, out, rel, balance, maskingLevel, asked, candidates, progress)),
                    result -> pc.decide(p, "mix", "propose", "proposed a mix of " + result.path("stems").size() + " stems" + askedText(asked),
                            "/mix/proposal", result)));
        });
        app.post("/api/projects/{id}/mix/edit", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            String stem = PageContext.text(b, "stem");
            proposedStem(p, stem);
            Map<String, MixViews.StemEdit> edits = edits(p);
            MixViews.StemEdit old = edits.getOrDefault(stem, new MixViews.StemEdit(null, null, null, null));
            String role = b.hasNonNull("role") ? b.get("role").asText() : old.role();
            if (role != null && !MixEngine.roles().contains(role)) throw ApiError.badRequest("unknown role " + role + "; one of " + MixEngine.roles());
            Double fader = b.hasNonNull("fader_db") ? Double.valueOf(PageContext.doubleIn(b, "fader_db", -60, 12, 0)) : old.faderDb();
            Double pan = b.hasNonNull("pan") ? Double.valueOf(PageContext.doubleIn(b, "pan", -1, 1, 0)) : old.pan();
            // a bleed or room track (--bleed): held 12 dB under its role's level; false takes the mark off again
            Boolean bleed = b.hasNonNull("bleed") ? Boolean.valueOf(PageContext.bool(b, "bleed", false)) : old.bleed();
            MixViews.StemEdit e = new MixViews.StemEdit(role, fader, pan, bleed);
            edits.put(stem, e);
            StringBuilder s = new StringBuilder(stem + ":");
            if (b.hasNonNull("role")) s.append(" role ").append(role);
            if (b.hasNonNull("fader_db")) s.append(String.format(" fader %+.1f dB", fader));
            if (b.hasNonNull("pan")) s.append(String.format(" pan %+.2f", pan));
            if (b.hasNonNull("bleed")) s.append(bleed ? " bleed/room track" : " not a bleed/room track");
            pc.decide(p, "mix", "edit_stem", s.toString(), "/mix/edits", edits);
            ctx.json(e);
        });
        app.post("/api/projects/{id}/mix/render", ctx -> {
            Project p = pc.project(ctx);
            List<Path> stems = stems(p);
            Path plan = plan(p);
            Map<String, MixViews.StemEdit> edits = edits(p);
            Path out = p.newDir("mix/render");
            String rel = p.relative(out);
            String cid = "mix" + (p.decisions().size() + 1);
            ctx.status(202).json(pc.submit(p, "mix", "render mix with " + edits.size() + " changes",
                    progress -> Json.MAPPER.valueToTree(MixEngine.render(stemsDir(stems), p::relative, plan, edits, asked(p), out, rel, cid, progress)),
                    result -> {
                        ObjectNode proposal = (ObjectNode) p.get("/mix/proposal");
                        proposal.withArray("candidates").add(result);
                        pc.decide(p, "mix", "render", "rendered " + result.path("label").asText(cid), "/mix/proposal", proposal);
                    }));
        });
        app.post("/api/projects/{id}/mix/choose", ctx -> {
            Project p = pc.project(ctx);
            String id = PageContext.text(PageContext.body(ctx), "candidate");
            JsonNode proposal = p.get("/mix/proposal");
            boolean known = proposal != null && proposal.path("candidates").findValuesAsText("id").contains(id);
            if (!known) throw ApiError.notFound("no mix candidate " + id);
            pc.decide(p, "mix", "choose_candidate", "chose mix " + id, "/mix/chosen", id);
            ctx.json(Map.of("chosen", id));
        });
        app.post("/api/projects/{id}/mix/export", ctx -> {
            Project p = pc.project(ctx);
            String format = PageContext.body(ctx).path("format").asText("wav");
            if (!EXPORTS.contains(format)) throw ApiError.badRequest("export format is wav, dawproject or rpp, not " + format);
            List<Path> stems = stems(p);
            Path plan = plan(p);
            Map<String, MixViews.StemEdit> edits = edits(p);
            Path out = p.newDir("mix/export");
            ctx.status(202).json(pc.submit(p, "mix", "export " + format,
                    progress -> Json.MAPPER.valueToTree(MixEngine.export(stemsDir(stems), p::relative, plan, edits, asked(p), format, out, progress)),
                    result -> pc.decide(p, "mix", "export", "exported " + format + ": " + result.path("path").asText(),
                            "/mix/exports/" + format, result)));
        });
    }

    /**
     * The level conventions asked for ("balance": "auto", "song" or "beat"); without one, stems sent from the Beat page
     * are mixed as a beat (as `groundwork produce` does) and for uploaded stems the planner chooses ("auto").
     */
    private static String balance(Project p, JsonNode body) {
        String asked = body.path("balance").asText("");
        if (!asked.isEmpty()) {
            if (!MixSettings.BALANCES.contains(asked)) throw ApiError.badRequest("balance must be one of " + MixSettings.BALANCES);
            return asked;
        }
        JsonNode s = p.get("/mix/stems");
        boolean fromBeat = s != null && s.size() > 0 && s.get(0).has("role_hint");
        return fromBeat ? "beat" : "auto";
    }

    /** The stem to focus ("lead": a stem's file name, --lead), or null to let the planner choose. */
    private static String lead(JsonNode body, List<Path> stems) {
        String lead = body.path("lead").asText("");
        if (lead.isEmpty()) return null;
        List<String> names = stems.stream().map(f -> f.getFileName().toString()).toList();
        if (!names.contains(lead)) throw ApiError.badRequest("lead must be one of the stems " + names + ", not " + lead);
        return lead;
    }

    /**
     * The --more/--less steps asked for ("intents": {"vocal": 1, "reverb": -1}): each target one of MixSettings.INTENT_TARGETS,
     * each step count a whole number in -MAX_INTENT_STEPS..MAX_INTENT_STEPS (0 is left out).
     */
    private static Map<String, Integer> intents(JsonNode body) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        JsonNode n = body.path("intents");
        if (n.isMissingNode() || n.isNull()) return out;
        if (!n.isObject()) throw ApiError.badRequest("intents must be an object like {\"vocal\": 1, \"reverb\": -1}");
        for (var f : (Iterable<Map.Entry<String, JsonNode>>) n::fields) {
            if (!MixSettings.INTENT_TARGETS.contains(f.getKey())) {
                throw ApiError.badRequest("cannot ask for more or less " + f.getKey() + "; one of " + MixSettings.INTENT_TARGETS);
            }
            int steps = PageContext.intIn(n, f.getKey(), -MAX_INTENT_STEPS, MAX_INTENT_STEPS, 0);
            if (steps != 0) out.put(f.getKey(), steps);
        }
        return out;
    }

    /**
     * The --fix moves asked for ("fixes": {"bass": -2}): dB added last to every stem of a role ("drums" = every drum stem, "bass"
     * also moves 808s, as the CLI reads it) or to one stem by file name, each -MAX_FIX_DB..MAX_FIX_DB (0 is left out).
     */
    private static Map<String, Double> fixes(JsonNode body, List<Path> stems) {
        Map<String, Double> out = new java.util.TreeMap<>();
        JsonNode n = body.path("fixes");
        if (n.isMissingNode() || n.isNull()) return out;
        if (!n.isObject()) throw ApiError.badRequest("fixes must be an object like {\"bass\": -2}");
        List<String> names = stems.stream().map(f -> f.getFileName().toString()).toList();
        for (var f : (Iterable<Map.Entry<String, JsonNode>>) n::fields) {
            String target = f.getKey();
            if (!names.contains(target) && !MixEngine.roles().contains(target)) {
                throw ApiError.badRequest("a fix moves a role " + MixEngine.roles() + " or a stem " + names + ", not " + target);
            }
            double db = PageContext.doubleIn(n, target, -MAX_FIX_DB, MAX_FIX_DB, 0);
            if (db != 0) out.put(target, db);
        }
        return out;
    }

    /** What the current proposal was asked for (masking strength, lead, intents, fixes, headroom), kept by a re-plan. */
    private static MixViews.Asked asked(Project p) {
        JsonNode proposal = p.get("/mix/proposal");
        MixSettings d = MixSettings.defaults();
        if (proposal == null) return new MixViews.Asked(d.maskingStrength(), null, Map.of(), Map.of(), d.peakCeilingDbfs());
        JsonNode lead = proposal.get("lead");
        Map<String, Integer> intents = new java.util.TreeMap<>();
        proposal.path("intents").fields().forEachRemaining(f -> intents.put(f.getKey(), f.getValue().asInt()));
        Map<String, Double> fixes = new java.util.TreeMap<>();
        proposal.path("fixes").fields().forEachRemaining(f -> fixes.put(f.getKey(), f.getValue().asDouble()));
        return new MixViews.Asked(proposal.path("masking_strength").asDouble(d.maskingStrength()), lead == null || lead.isNull() ? null : lead.asText(),
                intents, fixes, proposal.path("headroom_dbfs").asDouble(d.peakCeilingDbfs()));
    }

    /** What was asked beyond the defaults, for the log: " (more bass, less reverb, keys -2 dB, peaks at -8 dBFS)", or "". */
    private static String askedText(MixViews.Asked a) {
        List<String> parts = new ArrayList<>();
        a.intents().forEach((t, n) -> parts.add((n > 0 ? "more " : "less ") + t + (Math.abs(n) > 1 ? " ×" + Math.abs(n) : "")));
        a.fixes().forEach((t, db) -> parts.add(String.format(java.util.Locale.ROOT, "%s %+.1f dB", t, db)));
        if (a.headroomDbfs() != MixSettings.defaults().peakCeilingDbfs()) parts.add(String.format(java.util.Locale.ROOT, "peaks at %.1f dBFS", a.headroomDbfs()));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** Steps of --more or --less per target the page offers (each step is what one --more is on the command line). */
    static final int MAX_INTENT_STEPS = 3;
    /** The largest --fix move the page accepts, either way. */
    static final double MAX_FIX_DB = 12;
    /** The lowest mix peak ceiling (--headroom) the mix module accepts. */
    static final double MIN_HEADROOM_DBFS = -30;

    private static List<Path> stems(Project p) {
        JsonNode s = p.get("/mix/stems");
        if (s == null || s.isEmpty()) throw ApiError.badRequest("upload stems first");
        List<Path> out = new ArrayList<>();
        for (JsonNode n : s) {
            Path f = p.resolve(n.path("path").asText());
            if (!Files.isRegularFile(f)) throw ApiError.notFound("stem is gone: " + n.path("path").asText());
            out.add(f);
        }
        return out;
    }

    /** The folder every stem of the set lives in (uploads and beats each get their own folder). */
    private static Path stemsDir(List<Path> stems) {
        Path dir = stems.get(0).getParent();
        for (Path s : stems) {
            if (!s.getParent().equals(dir)) throw ApiError.badRequest("the stems of a mix must be in one folder");
        }
        return dir;
    }

    /** The plan edits apply to: the chosen candidate's, else the first proposal's. */
    private static Path plan(Project p) {
        JsonNode proposal = p.get("/mix/proposal");
        if (proposal == null) throw ApiError.badRequest("propose a mix first");
        JsonNode chosen = p.get("/mix/chosen");
        if (chosen != null) {
            for (JsonNode c : proposal.path("candidates")) {
                if (c.path("id").asText().equals(chosen.asText())) return p.resolve(c.path("plan_path").asText());
            }
        }
        return p.resolve(proposal.path("plan_path").asText());
    }

    private static void proposedStem(Project p, String stem) {
        JsonNode proposal = p.get("/mix/proposal");
        if (proposal == null) throw ApiError.badRequest("propose a mix first");
        if (!proposal.path("stems").findValuesAsText("name").contains(stem)) throw ApiError.notFound("no stem " + stem + " in the mix");
    }

    static Map<String, MixViews.StemEdit> edits(Project p) {
        JsonNode e = p.get("/mix/edits");
        Map<String, MixViews.StemEdit> m = new LinkedHashMap<>();
        if (e != null) e.fields().forEachRemaining(f -> m.put(f.getKey(), Json.MAPPER.convertValue(f.getValue(), MixViews.StemEdit.class)));
        return m;
    }

    static final Set<String> EXPORTS = Set.of("wav", "dawproject", "rpp");
}
