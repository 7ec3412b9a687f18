package dev.groundwork.studio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How the studio server runs. Defaults are the safe ones: loopback only, 500 MB uploads,
 * two jobs at once with at most eight waiting.
 */
public record StudioSettings(String host, int port, Path workspace, long maxUploadBytes, int parallelJobs, int queuedJobs) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7870;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 500L * 1024 * 1024;

    public StudioSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535 (0 = any free port): " + port);
        if (workspace == null) throw new IllegalArgumentException("a workspace folder is required");
        if (maxUploadBytes < 1024) throw new IllegalArgumentException("upload limit must be at least 1 KB: " + maxUploadBytes);
        if (parallelJobs < 1 || parallelJobs > 16) throw new IllegalArgumentException("parallel jobs must be 1..16: " + parallelJobs);
        if (queuedJobs < 0 || queuedJobs > 1000) throw new IllegalArgumentException("queued jobs must be 0..1000: " + queuedJobs);
    }

    public static StudioSettings defaults(Path workspace) {
        return new StudioSettings(LOOPBACK, DEFAULT_PORT, workspace, DEFAULT_MAX_UPLOAD_BYTES, 2, 8);
    }

    public static Path defaultWorkspace() {
        return Path.of(System.getProperty("user.home"), "groundwork-studio");
    }

    public StudioSettings withHost(String h) { return new StudioSettings(h, port, workspace, maxUploadBytes, parallelJobs, queuedJobs); }

    public StudioSettings withPort(int p) { return new StudioSettings(host, p, workspace, maxUploadBytes, parallelJobs, queuedJobs); }

    public StudioSettings withMaxUploadBytes(long b) { return new StudioSettings(host, port, workspace, b, parallelJobs, queuedJobs); }

    public StudioSettings withJobs(int parallel, int queued) { return new StudioSettings(host, port, workspace, maxUploadBytes, parallel, queued); }

    /** True when the host only answers this machine (127.0.0.0/8, ::1, localhost). */
    public boolean loopbackOnly() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
