package dev.groundwork.studio;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

/** Test signals written as 16-bit WAV with the JDK (independent of the code under test). */
public final class TestAudio {
    private TestAudio() { }

    /** A stereo sine at {@code amplitude} with a little seeded noise, {@code seconds} long at 44.1 kHz. */
    public static byte[] sineWav(double freqHz, double amplitude, double seconds, long seed) {
        return sineWav(freqHz, amplitude, 0.01, seconds, seed);
    }

    public static byte[] sineWav(double freqHz, double amplitude, double noise, double seconds, long seed) {
        int sr = 44100, frames = (int) Math.round(seconds * sr);
        Random rnd = new Random(seed);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            double s = amplitude * Math.sin(2 * Math.PI * freqHz * i / sr) + noise * rnd.nextGaussian();
            short v = (short) Math.max(-32768, Math.min(32767, Math.round(s * 32767)));
            for (int c = 0; c < 2; c++) {
                pcm[4 * i + 2 * c] = (byte) v;
                pcm[4 * i + 2 * c + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat fmt = new AudioFormat(sr, 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), fmt, frames)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeSine(Path file, double freqHz, double amplitude, double seconds, long seed) {
        try {
            java.nio.file.Files.write(file, sineWav(freqHz, amplitude, seconds, seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
