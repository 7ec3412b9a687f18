package dev.groundwork.master.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TwoRealFftTest {

    /** |X[k]|² by the DFT's definition, in double. */
    private static double dftPower(float[] x, int k) {
        double re = 0, im = 0;
        for (int t = 0; t < x.length; t++) {
            double a = -2 * Math.PI * ((long) k * t % x.length) / x.length;
            re += x[t] * Math.cos(a);
            im += x[t] * Math.sin(a);
        }
        return re * re + im * im;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 64, 1024, 1000})
    void bothFramesMatchTheDefinitionOfTheDft(int n) {
        Random rnd = new Random(n);
        float[] a = new float[n], b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
            b[i] = (float) (0.3 * rnd.nextGaussian() + 0.2 * Math.sin(0.3 * i));
        }
        TwoRealFft fft = new TwoRealFft(n);
        fft.transform(a, b);
        for (int k = 1; k < n; k++) {
            double ea = dftPower(a, k), eb = dftPower(b, k);
            assertEquals(ea, fft.first(k), 1e-5 * n + 1e-4 * ea, "first frame, bin " + k);
            assertEquals(eb, fft.second(k), 1e-5 * n + 1e-4 * eb, "second frame, bin " + k);
        }
    }

    @Test
    void aSineLandsInItsBinAndTheOtherFrameStaysSilent() {
        int n = 4096, bin = 100;
        float[] a = new float[n], zero = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) Math.cos(2 * Math.PI * bin * i / n);
        TwoRealFft fft = new TwoRealFft(n);
        fft.transform(a, zero);
        // a unit cosine on a bin puts n/2 in it: power n²/4
        assertEquals(n * n / 4.0, fft.first(bin), 1e-3 * n * n / 4.0);
        assertEquals(0, fft.first(bin + 1), 1e-2);
        assertEquals(0, fft.second(bin), 1e-2);
    }
}
