package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    static AudioBuffer sine(double fs, double f, double amp, int frames) {
        AudioBuffer b = AudioBuffer.allocate(2, frames, fs);
        for (int i = 0; i < frames; i++) {
            float v = (float) (amp * Math.sin(2 * Math.PI * f * i / fs));
            b.channel(0)[i] = v;
            b.channel(1)[i] = -v;
        }
        return b;
    }

    /** Residual of the output against the ideal sine at the new rate, away from the edges, in dB re amplitude. */
    static double residualDb(AudioBuffer out, double f, double amp) {
        double err = 0, ref = 0;
        int margin = (int) (out.sampleRate() * 0.01);
        for (int i = margin; i < out.frames() - margin; i++) {
            double ideal = amp * Math.sin(2 * Math.PI * f * i / out.sampleRate());
            double e = out.channel(0)[i] - ideal;
            err += e * e;
            ref += ideal * ideal;
        }
        return 10 * Math.log10(err / ref);
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz keeps a {2} Hz sine clean")
    @CsvSource({"44100, 48000, 1000", "48000, 44100, 1000", "44100, 96000, 5000", "96000, 44100, 15000",
            "22050, 44100, 3000", "48000, 44100, 18000", "44100, 32000, 12000"})
    void converts_a_sine_with_a_residual_below_minus_90_dB(double from, double to, double f) {
        AudioBuffer out = Resampler.resample(sine(from, f, 0.5, (int) from), to);
        assertEquals(Math.round(from * to / from), out.frames(), "length is round(frames * out / in)");
        assertTrue(residualDb(out, f, 0.5) < -90, "residual " + residualDb(out, f, 0.5) + " dB");
    }

    @Test
    void removes_content_above_the_new_nyquist_instead_of_aliasing_it() {
        AudioBuffer out = Resampler.resample(sine(96000, 30000, 0.5, 96000), 44100);
        double peak = 0;
        for (int i = 1000; i < out.frames() - 1000; i++) peak = Math.max(peak, Math.abs(out.channel(0)[i]));
        assertTrue(20 * Math.log10(peak / 0.5) < -95, "alias level " + 20 * Math.log10(peak / 0.5) + " dB");
    }

    @ParameterizedTest(name = "blocks of {0} frames give the same output as one buffer")
    @ValueSource(ints = {1, 7, 64, 4096})
    void streaming_in_any_block_size_matches_the_whole_buffer(int block) {
        AudioBuffer in = sine(44100, 440, 0.7, 20000);
        AudioBuffer whole = Resampler.resample(in, 48000);
        Resampler r = new Resampler(2, 44100, 48000);
        float[] got = new float[whole.frames()];
        int w = 0;
        for (int pos = 0; pos < in.frames(); pos += block) {
            int n = Math.min(block, in.frames() - pos);
            AudioBuffer b = AudioBuffer.allocate(2, n, 44100);
            for (int c = 0; c < 2; c++) System.arraycopy(in.channel(c), pos, b.channel(c), 0, n);
            AudioBuffer o = r.process(b);
            System.arraycopy(o.channel(0), 0, got, w, o.frames());
            w += o.frames();
        }
        AudioBuffer tail = r.flush();
        System.arraycopy(tail.channel(0), 0, got, w, tail.frames());
        w += tail.frames();
        assertEquals(whole.frames(), w);
        for (int i = 0; i < w; i++) assertEquals(whole.channel(0)[i], got[i], 0f, "frame " + i);
    }

    @Test
    void keeps_an_impulse_at_the_same_time_position() {
        AudioBuffer in = AudioBuffer.allocate(1, 44100, 44100);
        in.channel(0)[22050] = 1f;                  // exactly 0.5 s
        AudioBuffer out = Resampler.resample(in, 88200);
        int argmax = 0;
        for (int i = 0; i < out.frames(); i++) if (Math.abs(out.channel(0)[i]) > Math.abs(out.channel(0)[argmax])) argmax = i;
        assertEquals(44100, argmax);
    }
}
