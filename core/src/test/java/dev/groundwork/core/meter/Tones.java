package dev.groundwork.core.meter;

import dev.groundwork.core.audio.AudioBuffer;

/** Test signals in the shape of the EBU Tech 3341/3342 cases: sines whose level steps between segments. */
final class Tones {
    private Tones() { }

    /** A segment of {@code seconds} at {@code dbfs} peak level. */
    record Segment(double seconds, double dbfs) { }

    static Segment seg(double seconds, double dbfs) { return new Segment(seconds, dbfs); }

    /** A phase-continuous sine of {@code hz} in every channel, stepping through the segments. */
    static AudioBuffer steps(double fs, int channels, double hz, Segment... segments) {
        long total = 0;
        for (Segment s : segments) total += Math.round(s.seconds() * fs);
        AudioBuffer b = AudioBuffer.allocate(channels, Math.toIntExact(total), fs);
        Phasor sine = new Phasor(hz / fs);
        int i = 0;
        for (Segment s : segments) {
            double a = Math.pow(10, s.dbfs() / 20);
            int n = (int) Math.round(s.seconds() * fs);
            for (int k = 0; k < n; k++, i++) {
                float v = (float) (a * sine.next());
                for (int c = 0; c < channels; c++) b.channel(c)[i] = v;
            }
        }
        return b;
    }

    /** One sine per channel at the given peak levels (dBFS), e.g. a 5.0 layout. */
    static AudioBuffer perChannel(double fs, double seconds, double hz, double... dbfs) {
        int n = (int) Math.round(seconds * fs);
        AudioBuffer b = AudioBuffer.allocate(dbfs.length, n, fs);
        for (int c = 0; c < dbfs.length; c++) {
            double a = Math.pow(10, dbfs[c] / 20);
            Phasor sine = new Phasor(hz / fs);
            for (int i = 0; i < n; i++) b.channel(c)[i] = (float) (a * sine.next());
        }
        return b;
    }

    /** A sine of amplitude {@code amplitude} and start phase {@code phaseDeg}, all channels alike. */
    static AudioBuffer sine(double fs, int channels, double seconds, double hz, double amplitude, double phaseDeg) {
        int n = (int) Math.round(seconds * fs);
        AudioBuffer b = AudioBuffer.allocate(channels, n, fs);
        double ph = Math.toRadians(phaseDeg);
        for (int i = 0; i < n; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / fs + ph));
            for (int c = 0; c < channels; c++) b.channel(c)[i] = v;
        }
        return b;
    }

    /** sin(2π·f·i) for i = 0, 1, 2 … by rotating a unit vector: long tones without a Math.sin per sample. */
    static final class Phasor {
        private final double cos, sin;
        private double x = 1, y = 0;
        private long n;

        Phasor(double cyclesPerSample) {
            cos = Math.cos(2 * Math.PI * cyclesPerSample);
            sin = Math.sin(2 * Math.PI * cyclesPerSample);
        }

        double next() {
            double v = y;
            double nx = x * cos - y * sin, ny = x * sin + y * cos;
            x = nx;
            y = ny;
            if (++n % 4096 == 0) { double r = Math.hypot(x, y); x /= r; y /= r; }
            return v;
        }
    }

    /** Feeds {@code audio} to {@code meter} in blocks of {@code blockFrames}, reusing one block buffer. */
    static void feed(LoudnessMeter meter, AudioBuffer audio, int blockFrames) {
        AudioBuffer block = AudioBuffer.allocate(audio.channels(), blockFrames, audio.sampleRate());
        for (int pos = 0; pos < audio.frames(); pos += blockFrames) {
            int len = Math.min(blockFrames, audio.frames() - pos);
            for (int c = 0; c < audio.channels(); c++) System.arraycopy(audio.channel(c), pos, block.channel(c), 0, len);
            block.setFrames(len);
            meter.add(block);
        }
    }

    static LoudnessMeter measure(AudioBuffer audio) {
        LoudnessMeter m = new LoudnessMeter(audio.channels(), audio.sampleRate());
        feed(m, audio, 4096);
        return m;
    }
}
