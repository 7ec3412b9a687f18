package dev.groundwork.bench.mixing;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;
import dev.groundwork.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Undoes a known good mix the way a careless session would: every stem gets a seeded random gain
 * (±12 dB), one or two EQ bells (±6 dB, 150 Hz to 6 kHz, Q 1) and a new stereo balance. The
 * scrambled stems are written as 32-bit float WAV (no clipping at +12 dB); OUT_DIR.json beside the
 * folder records what was done to each.
 *
 * <p>Usage: {@code scramble KNOWN_STEMS_DIR OUT_DIR SEED}.
 */
public final class StemScrambler {
    private StemScrambler() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: scramble KNOWN_STEMS_DIR OUT_DIR SEED");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Random random = new Random(Long.parseLong(args[2]));
        Map<String, Object> record = new LinkedHashMap<>();
        for (Path stem : wavFiles(Path.of(args[0]))) {
            AudioBuffer audio = AudioFiles.read(stem);
            Map<String, Object> what = scramble(audio, random);
            AudioFiles.write(out.resolve(stem.getFileName()), audio, OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
            record.put(stem.getFileName().toString(), what);
        }
        Json.write(out.toAbsolutePath().resolveSibling(out.getFileName() + ".json"), record);
    }

    static Map<String, Object> scramble(AudioBuffer audio, Random random) {
        Map<String, Object> what = new LinkedHashMap<>();
        double gainDb = -12 + 24 * random.nextDouble();
        int bells = 1 + random.nextInt(2);
        List<double[]> eq = new ArrayList<>();
        for (int i = 0; i < bells; i++) {
            double f = 150 * Math.pow(6000.0 / 150, random.nextDouble());
            double g = -6 + 12 * random.nextDouble();
            eq.add(new double[] {f, g});
            Biquad bell = new Biquad(audio.channels());
            bell.setCoefficients(BiquadDesign.peaking(audio.sampleRate(), f, 1.0, g));
            for (int c = 0; c < audio.channels(); c++) bell.process(c, audio.channel(c), 0, audio.frames());
        }
        double pan = -0.6 + 1.2 * random.nextDouble();
        double gain = Math.pow(10, gainDb / 20);
        if (audio.channels() == 2) {
            // constant-power balance: pan -1 = left only, +1 = right only
            double angle = (pan + 1) * Math.PI / 4;
            double left = gain * Math.cos(angle) * Math.sqrt(2), right = gain * Math.sin(angle) * Math.sqrt(2);
            scale(audio.channel(0), audio.frames(), left);
            scale(audio.channel(1), audio.frames(), right);
        } else {
            for (int c = 0; c < audio.channels(); c++) scale(audio.channel(c), audio.frames(), gain);
        }
        what.put("gain_db", gainDb);
        what.put("eq_bells_hz_db", eq);
        what.put("balance", audio.channels() == 2 ? pan : 0.0);
        return what;
    }

    private static void scale(float[] x, int n, double g) {
        float f = (float) g;
        for (int i = 0; i < n; i++) x[i] *= f;
    }

    static List<Path> wavFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".wav")).sorted().toList();
        }
    }
}
