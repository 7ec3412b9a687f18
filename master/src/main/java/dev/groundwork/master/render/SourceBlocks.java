package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.dsp.Resampler;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Streams a source as blocks of at most {@link MasteringChain#BLOCK} frames at the working rate,
 * resampling on the way in when the delivery rate differs, so every later stage (and the limiter's
 * ceiling) works at the rate that is delivered. The same source always gives the same blocks.
 */
public final class SourceBlocks {
    private SourceBlocks() { }

    /** Calls {@code sink} for each block (the buffer is reused); {@code progress} gets 0..1 of the input read. */
    public static void forEach(AudioSource source, double workRate, Consumer<AudioBuffer> sink, DoubleConsumer progress) {
        try (AudioStreamReader reader = source.open()) {
            int channels = reader.info().channels();
            double inRate = reader.info().sampleRate();
            long total = Math.max(1, reader.info().frames());
            AudioBuffer block = AudioBuffer.allocate(channels, MasteringChain.BLOCK, inRate);
            Resampler resampler = inRate == workRate ? null : new Resampler(channels, inRate, workRate);
            AudioBuffer chunk = AudioBuffer.allocate(channels, MasteringChain.BLOCK, workRate);
            long read = 0;
            int n;
            while ((n = reader.read(block)) > 0) {
                read += n;
                if (resampler == null) sink.accept(block);
                else emit(resampler.process(block), chunk, sink);
                progress.accept(Math.min(1, (double) read / total));
            }
            if (resampler != null) emit(resampler.flush(), chunk, sink);
        }
    }

    private static void emit(AudioBuffer out, AudioBuffer chunk, Consumer<AudioBuffer> sink) {
        for (int pos = 0; pos < out.frames(); pos += MasteringChain.BLOCK) {
            int m = Math.min(MasteringChain.BLOCK, out.frames() - pos);
            for (int c = 0; c < out.channels(); c++) System.arraycopy(out.channel(c), pos, chunk.channel(c), 0, m);
            chunk.setFrames(m);
            sink.accept(chunk);
        }
    }
}
