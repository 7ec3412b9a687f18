package dev.groundwork.studio;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** A tiny synthesised song as stems (kick, bass, hats, keys) at 120 BPM, mono 16-bit WAV, seeded. */
public final class TestStems {
    private TestStems() { }

    public static Map<String, byte[]> song(double seconds, long seed) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        signals(seconds, seed).forEach((name, x) -> m.put(name + ".wav", wav(x, 44100)));
        return m;
    }

    static Map<String, float[]> signals(double seconds, long seed) {
        int sr = 44100, n = (int) (seconds * sr), beat = sr / 2;
        Random rnd = new Random(seed);
        float[] kick = new float[n], bass = new float[n], hats = new float[n], keys = new float[n];
        for (int i = 0; i < n; i++) {
            int inBeat = i % beat;
            double tb = inBeat / (double) sr;
            kick[i] = (float) (0.8 * Math.exp(-tb * 18) * Math.sin(2 * Math.PI * (50 + 90 * Math.exp(-tb * 40)) * tb));
            int in8 = i % (beat / 2);
            hats[i] = (float) (0.25 * Math.exp(-in8 / (double) sr * 60) * rnd.nextGaussian());
            double t = i / (double) sr;
            double root = (i / (beat * 4)) % 2 == 0 ? 55 : 65.41;
            bass[i] = (float) (0.45 * Math.sin(2 * Math.PI * root * t));
            keys[i] = (float) (0.12 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 554.37 * t) + Math.sin(2 * Math.PI * 659.25 * t)));
        }
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("kick", kick);
        m.put("bass", bass);
        m.put("hats", hats);
        m.put("keys", keys);
        return m;
    }

    /** The same song mixed to stereo (keys left of centre, hats right), for mastering. */
    public static byte[] mixWav(double seconds, long seed) {
        Map<String, float[]> st = signals(seconds, seed);
        int n = st.get("kick").length, sr = 44100;
        byte[] pcm = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            // a quiet, unmastered mix (about -23 LUFS): mastering has real work to do
            double l = 0.2 * (0.5 * st.get("kick")[i] + 0.5 * st.get("bass")[i] + 0.6 * st.get("keys")[i] + 0.3 * st.get("hats")[i]);
            double r = 0.2 * (0.5 * st.get("kick")[i] + 0.5 * st.get("bass")[i] + 0.3 * st.get("keys")[i] + 0.6 * st.get("hats")[i]);
            short a = (short) Math.max(-32768, Math.min(32767, Math.round(l * 32767)));
            short b = (short) Math.max(-32768, Math.min(32767, Math.round(r * 32767)));
            pcm[4 * i] = (byte) a; pcm[4 * i + 1] = (byte) (a >> 8); pcm[4 * i + 2] = (byte) b; pcm[4 * i + 3] = (byte) (b >> 8);
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(sr, 16, 2, true, false), n)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] wav(float[] x, int sr) {
        byte[] pcm = new byte[x.length * 2];
        for (int i = 0; i < x.length; i++) {
            short v = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32767)));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(sr, 16, 1, true, false), x.length)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
