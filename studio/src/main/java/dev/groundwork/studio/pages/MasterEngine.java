package dev.groundwork.studio.pages;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.studio.ApiError;

import java.nio.file.Path;
import java.util.List;

/** The one place the studio calls the mastering module (it never masters by itself). */
final class MasterEngine {
    private MasterEngine() { }

    static boolean available() { return false; }

    static List<String> targets() {
        return List.of("spotify", "apple", "youtube", "amazon", "tidal", "deezer", "club", "aes", "ebu");
    }

    static MasterViews.Run propose(Path source, String target, int candidates, Path outDir, String relBase, ProgressListener progress) {
        throw unavailable();
    }

    static MasterViews.Candidate adjust(Path source, Path plan, MasterViews.Adjustment a, Path outDir, String relBase, String id, ProgressListener progress) {
        throw unavailable();
    }

    private static ApiError unavailable() {
        return new ApiError(503, "mastering is not in this build yet (the master module has not landed)");
    }
}
