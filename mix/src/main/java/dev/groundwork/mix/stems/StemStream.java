package dev.groundwork.mix.stems;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioStreamReader;
import dev.groundwork.core.dsp.Resampler;

/**
 * A stem as the mixer sees it: its own channel count, at the session's sample rate (band-limited
 * resampling when the file differs), aligned at the start and padded with silence after its end,
 * delivered in blocks of exactly the requested size.
 */
public final class StemStream implements AutoCloseable {
    private final AudioStreamReader reader;
    private final Resampler resampler;
    private final int channels;
    private final AudioBuffer fileBlock;
    private float[][] pending;
    private int pendingStart, pendingEnd;
    private boolean ended;

    public StemStream(StemSource stem, double sessionRate, int blockFrames) {
        this.reader = stem.open();
        this.channels = stem.info().channels();
        double rate = stem.info().sampleRate();
        this.resampler = rate == sessionRate ? null : new Resampler(channels, rate, sessionRate);
        this.fileBlock = AudioBuffer.allocate(channels, blockFrames, rate);
        this.pending = new float[channels][blockFrames * 4 + 64];
    }

    public int channels() { return channels; }

    /** Fills {@code block} to its capacity (silence after the end of the stem); returns the frames that held audio. */
    public int read(AudioBuffer block) {
        int want = block.capacity();
        while (pendingEnd - pendingStart < want && !ended) refill();
        int have = Math.min(want, pendingEnd - pendingStart);
        for (int c = 0; c < channels; c++) {
            float[] dst = block.channel(c);
            System.arraycopy(pending[c], pendingStart, dst, 0, have);
            java.util.Arrays.fill(dst, have, want, 0f);
        }
        pendingStart += have;
        block.setFrames(want);
        return have;
    }

    private void refill() {
        int n = reader.read(fileBlock);
        AudioBuffer produced;
        if (n <= 0) {
            ended = true;
            if (resampler == null) return;
            produced = resampler.flush();
        } else {
            fileBlock.setFrames(n);
            produced = resampler == null ? fileBlock : resampler.process(fileBlock);
        }
        append(produced);
    }

    private void append(AudioBuffer b) {
        int n = b.frames();
        if (n == 0) return;
        if (pendingEnd + n > pending[0].length) {
            int live = pendingEnd - pendingStart;
            if (live + n > pending[0].length) {
                float[][] bigger = new float[channels][Math.max(pending[0].length * 2, live + n)];
                for (int c = 0; c < channels; c++) System.arraycopy(pending[c], pendingStart, bigger[c], 0, live);
                pending = bigger;
            } else {
                for (int c = 0; c < channels; c++) System.arraycopy(pending[c], pendingStart, pending[c], 0, live);
            }
            pendingStart = 0;
            pendingEnd = live;
        }
        for (int c = 0; c < channels; c++) System.arraycopy(b.channel(c), 0, pending[c], pendingEnd, n);
        pendingEnd += n;
    }

    @Override
    public void close() { reader.close(); }
}
