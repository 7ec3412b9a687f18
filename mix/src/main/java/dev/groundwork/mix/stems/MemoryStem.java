package dev.groundwork.mix.stems;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioStreamReader;

/** A stem held in memory (rendered beats, tests); streams exactly like a file. */
public record MemoryStem(String name, AudioBuffer audio) implements StemSource {
    @Override
    public AudioFileInfo info() {
        return new AudioFileInfo("memory", audio.sampleRate(), audio.channels(), audio.frames(), 32, true);
    }

    @Override
    public AudioStreamReader open() {
        return new AudioStreamReader() {
            private int pos;

            @Override
            public AudioFileInfo info() { return MemoryStem.this.info(); }

            @Override
            public int read(AudioBuffer block) {
                int n = Math.min(block.capacity(), audio.frames() - pos);
                for (int c = 0; c < audio.channels(); c++) System.arraycopy(audio.channel(c), pos, block.channel(c), 0, n);
                pos += n;
                block.setFrames(n);
                return n;
            }

            @Override
            public void close() { }
        };
    }
}
