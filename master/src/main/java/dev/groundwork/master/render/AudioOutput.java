package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.AudioStreamWriter;
import dev.groundwork.core.audio.OutputFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a master goes: a file (temp file moved into place on commit), memory, or nowhere (propose only). */
public interface AudioOutput {
    AudioStreamWriter open(double sampleRate, int channels, String bits);

    static AudioOutput toFile(Path file) {
        return (rate, channels, bits) -> AudioFiles.openWriter(file, OutputFormat.forPath(file, bits), rate, channels);
    }

    static AudioOutput discard() {
        return (rate, channels, bits) -> new AudioStreamWriter() {
            @Override public void write(AudioBuffer block) { }

            @Override public void commit() { }

            @Override public void close() { }
        };
    }

    /** Collects float output in memory (tests, previews in the studio); {@link #audio()} after commit. */
    final class Memory implements AudioOutput {
        private AudioBuffer audio;

        @Override
        public AudioStreamWriter open(double rate, int channels, String bits) {
            List<float[][]> blocks = new ArrayList<>();
            return new AudioStreamWriter() {
                long frames;

                @Override public void write(AudioBuffer block) {
                    float[][] copy = new float[channels][];
                    for (int c = 0; c < channels; c++) copy[c] = java.util.Arrays.copyOf(block.channel(c), block.frames());
                    blocks.add(copy);
                    frames += block.frames();
                }

                @Override public void commit() {
                    AudioBuffer out = AudioBuffer.allocate(channels, (int) frames, rate);
                    int pos = 0;
                    for (float[][] b : blocks) {
                        for (int c = 0; c < channels; c++) System.arraycopy(b[c], 0, out.channel(c), pos, b[c].length);
                        pos += b[0].length;
                    }
                    audio = out;
                }

                @Override public void close() { }
            };
        }

        public AudioBuffer audio() { return audio; }
    }
}
