package dev.groundwork.studio.pages;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.studio.ApiError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The one place the studio calls the mixing module (it never mixes by itself). */
final class MixEngine {
    private MixEngine() { }

    static boolean available() { return false; }

    static List<String> roles() {
        return List.of("kick", "snare", "hats", "drums", "bass", "808", "lead_vocal", "vocal", "keys", "guitar", "pad", "synth", "fx", "other");
    }

    static MixViews.Proposal propose(List<Path> stems, Path outDir, String relBase, ProgressListener progress) {
        throw unavailable();
    }

    static MixViews.Candidate render(List<Path> stems, Path plan, Map<String, MixViews.StemEdit> edits, Path outDir, String relBase, String id,
                                     ProgressListener progress) {
        throw unavailable();
    }

    static MixViews.Export export(List<Path> stems, Path plan, Map<String, MixViews.StemEdit> edits, String format, Path outDir, String relBase,
                                  ProgressListener progress) {
        throw unavailable();
    }

    private static ApiError unavailable() {
        return new ApiError(503, "mixing is not in this build yet (the mix module has not landed)");
    }
}
