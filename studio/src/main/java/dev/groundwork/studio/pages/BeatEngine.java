package dev.groundwork.studio.pages;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.studio.ApiError;

import java.nio.file.Path;
import java.util.List;

/** The one place the studio calls the beat module (it never composes by itself). */
final class BeatEngine {
    private BeatEngine() { }

    static boolean available() { return false; }

    static BeatViews.Generation generate(String prompt, int variations, long seed, Path outDir, String relBase, ProgressListener progress) {
        throw unavailable();
    }

    /** A new variation that keeps the locked parts of {@code plan} and regenerates the rest. */
    static BeatViews.Variation regenerate(Path plan, List<String> locked, long seed, Path outDir, String relBase, String id, ProgressListener progress) {
        throw unavailable();
    }

    /** Drops {@code part} from {@code section}. */
    static BeatViews.Variation dropPart(Path plan, String section, String part, Path outDir, String relBase, String id, ProgressListener progress) {
        throw unavailable();
    }

    /** Moves the last hook by {@code semitones}. */
    static BeatViews.Variation keyChangeLastHook(Path plan, int semitones, Path outDir, String relBase, String id, ProgressListener progress) {
        throw unavailable();
    }

    private static ApiError unavailable() {
        return new ApiError(503, "beat making is not in this build yet (the beat module has not landed)");
    }
}
