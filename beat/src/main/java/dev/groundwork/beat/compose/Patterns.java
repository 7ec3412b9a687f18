package dev.groundwork.beat.compose;

/** Step patterns written as text: 'x' accent, 'o' soft, '.' rest. */
final class Patterns {
    private Patterns() { }

    /** Velocity per step, 0 for rest. */
    static int[] velocities(String pattern, java.util.SplittableRandom rnd) {
        int[] v = new int[pattern.length()];
        for (int i = 0; i < v.length; i++) {
            char c = pattern.charAt(i);
            v[i] = c == 'x' ? 98 + rnd.nextInt(14) : c == 'o' ? 56 + rnd.nextInt(16) : 0;
        }
        return v;
    }

    /** Length of a step in quarter notes: the pattern spans the bar. */
    static double stepBeats(String pattern, double barBeats) { return barBeats / pattern.length(); }
}
