package dev.groundwork.mix.stems;

import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;

import java.nio.file.Path;

/** A stem on disk, probed once. */
public record FileStem(Path path, AudioFileInfo info) implements StemSource {
    public static FileStem probe(Path path) {
        return new FileStem(path, AudioFiles.probe(path));
    }

    @Override
    public String name() { return path.getFileName().toString(); }

    @Override
    public AudioStreamReader open() { return AudioFiles.openReader(path); }
}
