package dev.groundwork.studio.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.project.Project;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Beat page API: generate variations from a prompt, choose one, lock parts and regenerate the rest,
 * drop or add an instrument in a section, change key from a section on, swap a part's sound, change the tempo, send the beat to
 * Mix and Master.
 * Choices live under {@code /beat/...}.
 */
public final class BeatPage {
    private final PageContext pc;

    public BeatPage(PageContext pc) {
        this.pc = pc;
    }

    public void register(Javalin app) {
        app.get("/api/beat/sounds", ctx -> ctx.json(BeatEngine.sounds()));
        // the page's menus: built-in sounds, the parts --add brings in, the kits and SoundFonts installed here (looked up on each call)
        app.get("/api/beat/options", ctx -> ctx.json(BeatEngine.options()));
        app.post("/api/projects/{id}/beat/generate", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            String prompt = PageContext.text(b, "prompt");
            if (prompt.length() > 300) throw ApiError.badRequest("a prompt is at most 300 characters");
            // no count given: the prompt's own ("2 variations"), as the CLI does without --variations; else 3
            Integer asked = b.hasNonNull("variations") ? null : BeatEngine.askedVariations(prompt);
            if (asked != null && asked > MAX_VARIATIONS) {
                throw ApiError.badRequest("the prompt asks for " + asked + " variations; the studio makes 1 to " + MAX_VARIATIONS + " at a time");
            }
            int n = asked != null ? asked : PageContext.intIn(b, "variations", 1, MAX_VARIATIONS, 3);
            // variation i is composed with seed + i, as `groundwork beat PROMPT --seed N --variations K` does; without a seed, a
            // fresh one per generation (a thousand apart, so two generations never share a variation)
            if (b.hasNonNull("seed") && !(PageContext.isWhole(b.get("seed")) && b.get("seed").canConvertToLong())) {
                throw ApiError.badRequest("seed must be a whole number between 0 and " + MAX_SEED + ", not " + b.get("seed"));
            }
            long seed = b.hasNonNull("seed") ? b.get("seed").asLong() : (p.decisions().size() + 1) * 1000L;
            if (seed < 0 || seed > MAX_SEED) throw ApiError.badRequest("seed must be between 0 and " + MAX_SEED + ", not " + seed);
            // composed now, rendered by the job: an impossible prompt is a 400, not a failed job
            List<dev.groundwork.beat.plan.BeatPlan> composed = BeatEngine.compose(prompt, n, seed);
            // --kit, --soundfont: checked before the job starts, so a bad path is a 400 naming what is wrong
            BeatEngine.Sources sources = BeatEngine.sources(b.path("kit").asText(""), b.path("soundfont").asText(""));
            String with = sources.describe().isEmpty() ? "" : " with " + sources.describe();
            Path out = p.newDir("beat/gen");
            String rel = p.relative(out);
            ctx.status(202).json(pc.submit(p, "beat", "beat: " + prompt + with,
                    progress -> Json.MAPPER.valueToTree(BeatEngine.generate(prompt, composed, sources, out, rel, progress)),
                    result -> pc.decide(p, "beat", "generate", "generated " + result.path("variations").size() + " variations of \"" + prompt + "\"" + with,
                            "/beat/generation", result)));
        });
        app.post("/api/projects/{id}/beat/choose", ctx -> {
            Project p = pc.project(ctx);
            String id = PageContext.text(PageContext.body(ctx), "variation");
            variation(p, id);
            pc.decide(p, "beat", "choose_variation", "chose variation " + id, "/beat/chosen", id);
            ctx.json(Map.of("chosen", id));
        });
        app.post("/api/projects/{id}/beat/lock", ctx -> {
            Project p = pc.project(ctx);
            JsonNode b = PageContext.body(ctx);
            List<String> locked = new ArrayList<>();
            b.path("parts").forEach(n -> locked.add(n.asText()));
            pc.decide(p, "beat", "lock", locked.isEmpty() ? "unlocked all parts" : "locked " + String.join(", ", locked), "/beat/locked", locked);
            ctx.json(Map.of("locked", locked));
        });
        app.post("/api/projects/{id}/beat/regenerate", ctx -> variationJob(ctx, "regenerate", (p, v, plan, nid) -> {
            List<String> locked = new ArrayList<>();
            JsonNode l = p.get("/beat/locked");
            if (l != null) l.forEach(n -> locked.add(n.asText()));
            long seed = v.path("seed").asLong() * 31 + p.decisions().size() + 1;
            String what = locked.isEmpty() ? "regenerated everything" : "regenerated all but " + String.join(", ", locked);
            return new Step(what, (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.regenerate(plan, locked, seed, out, rel, nid, progress)));
        }));
        app.post("/api/projects/{id}/beat/drop", ctx -> variationJob(ctx, "drop_part", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            String section = PageContext.text(b, "section"), part = PageContext.text(b, "part");
            BeatEngine.checkDrop(plan, section, part);
            return new Step("dropped " + part + " from " + section,
                    (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.dropPart(plan, section, part, out, rel, nid, progress)));
        }));
        app.post("/api/projects/{id}/beat/add", ctx -> variationJob(ctx, "add_part", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            String section = BeatEngine.section(plan, PageContext.text(b, "section"));
            String part = PageContext.text(b, "part");
            if (!BeatEngine.ADDABLE.contains(part)) throw ApiError.badRequest("a part to add is one of " + BeatEngine.ADDABLE + ", not " + part);
            return new Step("added " + part + " to " + section,
                    (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.addPart(plan, section, part, out, rel, nid, progress)));
        }));
        // --transpose N@SECTION: from the chosen section to the end (without one, from the last hook: the classic lift)
        app.post("/api/projects/{id}/beat/key-change", ctx -> variationJob(ctx, "key_change", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            int semis = PageContext.intIn(b, "semitones", -12, 12, 1);
            if (semis == 0) throw ApiError.badRequest("a key change of 0 semitones changes nothing");
            String from = BeatEngine.section(plan, b.path("section").asText("").isBlank() ? "hook:last" : b.path("section").asText());
            return new Step(String.format("key %+d semitones from %s on", semis, BeatEngine.sectionName(plan, from)),
                    (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.keyChange(plan, semis, from, out, rel, nid, progress)));
        }));
        // --sound PART=SOUND: "drums" swaps the kit of every drum part
        app.post("/api/projects/{id}/beat/sound", ctx -> variationJob(ctx, "sound", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            String part = PageContext.text(b, "part"), sound = PageContext.text(b, "sound");
            BeatEngine.checkSound(plan, part, sound);
            return new Step(part + " sound " + sound, (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.sound(plan, part, sound, out, rel, nid, progress)));
        }));
        // --kit, --soundfont on a saved plan: the chosen variation, note for note, with the kit and SoundFont asked for (none = built in)
        app.post("/api/projects/{id}/beat/sources", ctx -> variationJob(ctx, "sources", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            BeatEngine.Sources sources = BeatEngine.sources(b.path("kit").asText(""), b.path("soundfont").asText(""));
            String what = sources.describe().isEmpty() ? "built-in sounds" : sources.describe();
            return new Step(what, (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.sources(plan, sources, out, rel, nid, progress)));
        }));
        app.post("/api/projects/{id}/beat/tempo", ctx -> variationJob(ctx, "tempo", (p, v, plan, nid) -> {
            JsonNode b = PageContext.body(ctx);
            if (!b.hasNonNull("tempo_bpm")) throw ApiError.badRequest("tempo_bpm is required");
            double bpm = PageContext.doubleIn(b, "tempo_bpm", BeatEngine.MIN_BPM, BeatEngine.MAX_BPM, 0);
            return new Step(String.format(java.util.Locale.ROOT, "tempo %s → %s BPM", BeatEngine.bpm(v.path("tempo_bpm").asDouble()), BeatEngine.bpm(bpm)),
                    (out, rel, progress) -> Json.MAPPER.valueToTree(BeatEngine.tempo(plan, bpm, out, rel, nid, progress)));
        }));
        app.post("/api/projects/{id}/beat/send", ctx -> {
            Project p = pc.project(ctx);
            JsonNode v = chosen(p);
            List<Map<String, Object>> stems = new ArrayList<>();
            for (JsonNode s : v.path("stems")) {
                String path = s.path("path").asText();
                stems.add(Map.of("name", Path.of(path).getFileName().toString(), "path", path, "role_hint", s.path("part").asText()));
            }
            if (stems.isEmpty()) throw ApiError.badRequest("this variation has no stems to send");
            pc.decide(p, "mix", "choose_stems", "stems of beat " + v.path("id").asText() + " sent to mix", "/mix/stems", stems);
            pc.decide(p, "master", "choose_source", "beat " + v.path("id").asText() + " sent to master", "/master/source",
                    Map.of("name", Path.of(v.path("wav_path").asText()).getFileName().toString(), "path", v.path("wav_path").asText()));
            ctx.json(Map.of("stems", stems.size()));
        });
    }

    /** The largest seed the page takes (the seed box; any long works in the module, but a person types a few digits). */
    static final long MAX_SEED = 999_999_999L;
    /** The most variations one generation makes (rendering each takes a few seconds while the page waits). */
    static final int MAX_VARIATIONS = 6;

    /** An edit's render into its new folder ({@code out}, {@code rel} as the page names it), run by the job. */
    @FunctionalInterface
    private interface EditWork {
        JsonNode run(Path out, String rel, ProgressListener progress) throws Exception;
    }

    private record Step(String summary, EditWork work) { }

    /** Checks an edit's request (a bad one throws a 400) and says what it will render; it creates nothing. */
    @FunctionalInterface
    private interface StepFactory {
        Step make(Project p, JsonNode variation, Path plan, String newId);
    }

    /** A job that derives a new variation from the chosen one and adds it to the generation when done. */
    private void variationJob(Context ctx, String action, StepFactory factory) {
        Project p = pc.project(ctx);
        JsonNode v = chosen(p);
        Path plan = p.resolve(v.path("plan_path").asText());
        JsonNode gen = p.get("/beat/generation");
        String nid = "v" + (gen.path("variations").size() + 1);
        Step step = factory.make(p, v, plan, nid);
        // only an edit that passed its checks gets a folder: a refused one (a 400) leaves no empty beat/edit-N behind
        Path out = p.newDir("beat/edit");
        String rel = p.relative(out);
        ctx.status(202).json(pc.submit(p, "beat", step.summary(), progress -> step.work().run(out, rel, progress), result -> {
            ObjectNode now = (ObjectNode) p.get("/beat/generation");
            now.withArray("variations").add(result);
            pc.decide(p, "beat", action, step.summary() + " → " + result.path("id").asText(), "/beat/generation", now);
            pc.decide(p, "beat", "choose_variation", "chose variation " + result.path("id").asText(), "/beat/chosen", result.path("id").asText());
        }));
    }

    private static JsonNode chosen(Project p) {
        JsonNode gen = p.get("/beat/generation");
        if (gen == null) throw ApiError.badRequest("generate a beat first");
        JsonNode c = p.get("/beat/chosen");
        String id = c == null ? gen.path("variations").path(0).path("id").asText() : c.asText();
        return variation(p, id);
    }

    private static JsonNode variation(Project p, String id) {
        JsonNode gen = p.get("/beat/generation");
        if (gen == null) throw ApiError.badRequest("generate a beat first");
        for (JsonNode v : gen.path("variations")) if (v.path("id").asText().equals(id)) return v;
        throw ApiError.notFound("no variation " + id);
    }
}
