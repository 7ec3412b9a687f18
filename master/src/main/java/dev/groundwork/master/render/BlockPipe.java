package dev.groundwork.master.render;

import dev.groundwork.core.audio.AudioBuffer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands copies of blocks to a consumer on a helper thread, in order, so a measurement (an analyzer, the
 * loudness model) runs on the second core while this thread decodes, filters and writes. The consumer sees
 * exactly the blocks, in exactly the order, a direct call would give it, from one thread, so its result is the
 * same. With one processor it is a direct call. {@link #close()} waits for the helper and rethrows its failure.
 */
public final class BlockPipe implements Consumer<AudioBuffer>, AutoCloseable {
    private static final int DEPTH = 4;
    private static final AudioBuffer END = AudioBuffer.allocate(1, 1, 1);

    private final Consumer<AudioBuffer> consumer;
    private final BlockingQueue<AudioBuffer> free, full;
    private final Thread helper;
    private volatile Throwable failure;
    private boolean closed;

    private BlockPipe(Consumer<AudioBuffer> consumer, int channels, int frames, double sampleRate, boolean threaded) {
        this.consumer = consumer;
        if (!threaded) {
            free = full = null;
            helper = null;
            return;
        }
        free = new ArrayBlockingQueue<>(DEPTH);
        full = new ArrayBlockingQueue<>(DEPTH + 1);
        for (int i = 0; i < DEPTH; i++) free.add(AudioBuffer.allocate(channels, frames, sampleRate));
        helper = new Thread(this::drain, "master-measure");
        helper.setDaemon(true);
        helper.start();
    }

    /** A pipe for blocks of at most {@code frames} frames; threaded when the machine has two or more processors. */
    public static BlockPipe of(Consumer<AudioBuffer> consumer, int channels, int frames, double sampleRate) {
        return new BlockPipe(consumer, channels, frames, sampleRate, Runtime.getRuntime().availableProcessors() >= 2);
    }

    /**
     * What to feed the blocks to: this pipe, or on one processor the consumer itself. Calling the consumer from the
     * caller's own code keeps each call site seeing one consumer: through {@link #accept} every pipe of a run (input
     * analysis, loudness model, output meter) would share one call site, which the JIT compiles with the first two
     * consumers inlined (200 ms of compiling) and throws away when the third arrives.
     */
    public Consumer<AudioBuffer> input() {
        return helper == null ? consumer : this;
    }

    @Override
    public void accept(AudioBuffer block) {
        if (helper == null) {
            consumer.accept(block);
            return;
        }
        AudioBuffer copy = take(free);
        int n = block.frames();
        for (int c = 0; c < block.channels(); c++) System.arraycopy(block.channel(c), 0, copy.channel(c), 0, n);
        copy.setFrames(n);
        full.add(copy);
    }

    private AudioBuffer take(BlockingQueue<AudioBuffer> q) {
        while (true) {
            rethrow();
            try {
                AudioBuffer b = q.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (b != null) return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                AudioBuffer b = full.take();
                if (b == END) return;
                consumer.accept(b);
                free.add(b);
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    /** Waits until the consumer has seen every block; rethrows what it threw. */
    @Override
    public void close() {
        if (helper == null || closed) return;
        closed = true;
        full.add(END);
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
        rethrow();
    }
}
