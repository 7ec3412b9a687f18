package dev.groundwork.studio.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.studio.ApiError;
import dev.groundwork.studio.jobs.JobQueue;
import dev.groundwork.studio.jobs.JobView;
import dev.groundwork.studio.jobs.JobWork;
import dev.groundwork.studio.media.Uploads;
import dev.groundwork.studio.project.Project;
import dev.groundwork.studio.project.ProjectStore;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** What every page's routes share: projects, the job queue, uploads, and the "project changed" signal for all tabs. */
public record PageContext(ProjectStore projects, JobQueue jobs, Uploads uploads, Consumer<Project> changed) {

    public Project project(Context ctx) { return projects.open(ctx.pathParam("id")); }

    public static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) return Json.MAPPER.createObjectNode();
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
    }

    /** Records a producer's choice and tells every tab. */
    public void decide(Project p, String page, String action, String summary, String path, Object value) {
        p.decide(page, action, summary, path, value == null ? null : Json.MAPPER.valueToTree(value));
        changed.accept(p);
    }

    /** Runs a job in the background; when it succeeds {@code onDone} logs its effect as a decision. */
    public JobView submit(Project p, String page, String label, JobWork work, Consumer<JsonNode> onDone) {
        return jobs.submit(p.id(), page, label, work, onDone);
    }

    /** Which job modules this build can drive (the page greys out what is missing). */
    public static Map<String, Boolean> engines() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("master", MasterEngine.available());
        m.put("mix", MixEngine.available());
        m.put("beat", BeatEngine.available());
        return m;
    }

    static int intIn(JsonNode n, String field, int min, int max, int dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        // canConvertToInt alone would take 1.5 and round it down without a word
        if (!isWhole(v) || !v.canConvertToInt()) throw ApiError.badRequest(field + " must be a whole number between " + min + " and " + max + ", not " + v);
        int i = v.asInt();
        if (i < min || i > max) throw ApiError.badRequest(field + " must be between " + min + " and " + max + ", not " + i);
        return i;
    }

    /** A JSON number without a fraction (2 or 2.0; not 1.5, not "2"). */
    static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() || (v.isFloatingPointNumber() && Double.isFinite(v.asDouble()) && v.asDouble() == Math.rint(v.asDouble()));
    }

    static double doubleIn(JsonNode n, String field, double min, double max, double dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw ApiError.badRequest(field + " must be a number");
        double d = v.asDouble();
        if (!(d >= min && d <= max)) throw ApiError.badRequest(field + " must be between " + min + " and " + max + ", not " + d);
        return d;
    }

    static boolean bool(JsonNode n, String field, boolean dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw ApiError.badRequest(field + " must be true or false");
        return v.asBoolean();
    }

    static String text(JsonNode n, String field) {
        String s = n.path(field).asText("");
        if (s.isBlank()) throw ApiError.badRequest(field + " is required");
        return s;
    }
}
