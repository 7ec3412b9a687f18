package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamReader;

import java.nio.file.Path;

/** Where input audio comes from: a file (streamed, never loaded whole) or a buffer in memory (tests, the studio). */
public interface AudioSource {
    String name();

    AudioStreamReader open();

    static AudioSource of(Path file) {
        return new AudioSource() {
            @Override public String name() { return file.getFileName().toString(); }

            @Override public AudioStreamReader open() { return AudioFiles.openReader(file); }
        };
    }

    static AudioSource of(AudioBuffer audio, String name) {
        return new AudioSource() {
            @Override public String name() { return name; }

            @Override public AudioStreamReader open() {
                return new AudioStreamReader() {
                    int pos;

                    @Override public AudioFileInfo info() {
                        return new AudioFileInfo("memory", audio.sampleRate(), audio.channels(), audio.frames(), 32, true);
                    }

                    @Override public int read(AudioBuffer block) {
                        int n = Math.min(block.capacity(), audio.frames() - pos);
                        for (int c = 0; c < audio.channels(); c++) System.arraycopy(audio.channel(c), pos, block.channel(c), 0, n);
                        block.setFrames(n);
                        pos += n;
                        return n;
                    }

                    @Override public void close() { }
                };
            }
        };
    }
}
