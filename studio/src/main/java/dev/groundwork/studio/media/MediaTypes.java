package dev.groundwork.studio.media;

import java.util.Locale;

/** Content types for what a project folder holds. */
public final class MediaTypes {
    private MediaTypes() { }

    public static String of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".wav")) return "audio/wav";
        if (n.endsWith(".flac")) return "audio/flac";
        if (n.endsWith(".mp3")) return "audio/mpeg";
        if (n.endsWith(".ogg")) return "audio/ogg";
        if (n.endsWith(".aif") || n.endsWith(".aiff")) return "audio/aiff";
        if (n.endsWith(".mid") || n.endsWith(".midi")) return "audio/midi";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".zip") || n.endsWith(".dawproject")) return "application/zip";
        if (n.endsWith(".rpp") || n.endsWith(".txt") || n.endsWith(".jsonl")) return "text/plain; charset=utf-8";
        return "application/octet-stream";
    }
}
