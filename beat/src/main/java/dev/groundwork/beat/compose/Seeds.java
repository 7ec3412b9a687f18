package dev.groundwork.beat.compose;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** One seed fans out into independent, stable seeds per part and per decision, so locking a part keeps it. */
public final class Seeds {
    private Seeds() { }

    public static long derive(long seed, String label) {
        long h = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's spec it is ours
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(seed ^ h).nextLong();
    }

    public static SplittableRandom random(long seed, String label) { return new SplittableRandom(derive(seed, label)); }
}
