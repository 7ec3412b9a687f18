package dev.groundwork.beat.sound;

/** A tiny deterministic white-noise source (xorshift), so drum hits are the same on every run. */
final class Noise {
    private long s;

    Noise(long seed) { s = seed == 0 ? 0x9E3779B97F4A7C15L : seed; }

    /** Uniform in [-1, 1). */
    double next() {
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        return ((s >>> 11) * 0x1.0p-53) * 2 - 1;
    }
}
