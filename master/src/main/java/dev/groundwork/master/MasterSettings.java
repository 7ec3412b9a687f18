package dev.groundwork.master;

import dev.groundwork.master.analysis.TonalProfile;

import dev.groundwork.core.audio.AudioFiles;

import java.util.Objects;

/**
 * What the producer asked for. {@code eqAmount} and {@code intensity} are 0..100 %;
 * {@code reference} replaces the built-in neutral tonal target when present; {@code outputRate} 0 keeps
 * the input's rate; {@code bits} is "16", "24" or "32f". {@code safeLimiterLu} is how much of the gain
 * the limiter may swallow (LU of loudness lost to limiting) before the job stops short of the target;
 * 0 means automatic: 4 LU, or 6 LU for loud targets (-11 LUFS and louder), where dense limiting is the point.
 * {@code multiband} asks for the multiband dynamics stage (characters that use it turn it on anyway).
 */
public record MasterSettings(Target target, Character character, double eqAmount, double intensity,
                             TonalProfile reference, String referenceName, double outputRate, String bits,
                             double safeLimiterLu, boolean multiband) {
    public MasterSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(character, "character");
        if (!(eqAmount >= 0 && eqAmount <= 100)) throw new IllegalArgumentException("--eq-amount must be 0..100, not " + eqAmount);
        if (!(intensity >= 0 && intensity <= 100)) throw new IllegalArgumentException("--intensity must be 0..100, not " + intensity);
        if (outputRate != 0 && outputRateProblem(outputRate) != null) throw new IllegalArgumentException(outputRateProblem(outputRate));
        if (!(bits.equals("16") || bits.equals("24") || bits.equals("32f"))) throw new IllegalArgumentException("--bits must be 16, 24 or 32f, not " + bits);
        if (!(safeLimiterLu >= 0 && safeLimiterLu <= 20)) throw new IllegalArgumentException("--max-limiting must be in [0, 20] LU (0 = automatic)");
    }

    /**
     * Why no file can carry this output rate, as the error line says it, or null: the rates the writers accept. The
     * one source of the message, for these settings and for the CLI, which checks --rate before any work.
     */
    public static String outputRateProblem(double hz) {
        if (AudioFiles.isWritableRate(hz)) return null;
        return "--rate must be a whole number of Hz from 8000 to 192000, not " + (Double.isFinite(hz) && hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz));
    }

    public static MasterSettings defaults() {
        return new MasterSettings(Target.DEFAULT, Character.TRANSPARENT, 50, 50, null, null, 0, "24", 0, false);
    }

    /** The loudness the limiter may take before the job stops short of the target (resolves automatic). */
    public double limiterAllowanceLu() {
        return safeLimiterLu > 0 ? safeLimiterLu : target.lufs() >= -11 ? 6 : 4;
    }

    public MasterSettings withMaxLimiting(double lu) { return new MasterSettings(target, character, eqAmount, intensity, reference, referenceName, outputRate, bits, lu, multiband); }

    public MasterSettings withTarget(Target t) { return new MasterSettings(t, character, eqAmount, intensity, reference, referenceName, outputRate, bits, safeLimiterLu, multiband); }

    public MasterSettings withCharacter(Character c) { return new MasterSettings(target, c, eqAmount, intensity, reference, referenceName, outputRate, bits, safeLimiterLu, multiband); }

    public MasterSettings withEqAmount(double a) { return new MasterSettings(target, character, a, intensity, reference, referenceName, outputRate, bits, safeLimiterLu, multiband); }

    public MasterSettings withIntensity(double i) { return new MasterSettings(target, character, eqAmount, i, reference, referenceName, outputRate, bits, safeLimiterLu, multiband); }

    public MasterSettings withReference(TonalProfile p, String name) { return new MasterSettings(target, character, eqAmount, intensity, p, name, outputRate, bits, safeLimiterLu, multiband); }

    public MasterSettings withOutputRate(double r) { return new MasterSettings(target, character, eqAmount, intensity, reference, referenceName, r, bits, safeLimiterLu, multiband); }

    /** {@code on}: add the multiband stage whatever the character says. */
    public MasterSettings withMultiband(boolean on) { return new MasterSettings(target, character, eqAmount, intensity, reference, referenceName, outputRate, bits, safeLimiterLu, on); }

    public MasterSettings withBits(String b) { return new MasterSettings(target, character, eqAmount, intensity, reference, referenceName, outputRate, b, safeLimiterLu, multiband); }
}
