package dev.groundwork.beat.sound;

import dev.groundwork.beat.plan.Feel;

/**
 * The built-in pitched voices. Oscillators are band-limited (polyBLEP), filters are zero-delay
 * state-variable low-passes modulated every 16 samples, envelopes are per-sample multiplies:
 * cheap enough that a three-minute beat renders in well under a second per part.
 */
public final class SynthVoices {
    private SynthVoices() { }

    public static ToneVoice forSound(String sound, double sampleRate, Feel feel) {
        double bright = feel == null ? 0.5 : feel.brightness();
        double drive = feel == null ? 0.2 : feel.drive();
        return switch (sound) {
            case "808" -> new Eight08(sampleRate, drive);
            case "bass" -> new SubtractiveVoice(sampleRate, Shape.BASS, bright);
            case "sub" -> new SubtractiveVoice(sampleRate, Shape.SUB, bright);
            case "reese" -> new SubtractiveVoice(sampleRate, Shape.REESE, bright);
            case "pad" -> new SubtractiveVoice(sampleRate, Shape.PAD, bright);
            case "strings" -> new SubtractiveVoice(sampleRate, Shape.STRINGS, bright);
            case "stab" -> new SubtractiveVoice(sampleRate, Shape.STAB, bright);
            case "lead" -> new SubtractiveVoice(sampleRate, Shape.LEAD, bright);
            case "keys" -> new FmVoice(sampleRate, 1.0, 1.6, 0.5, 1.8, 0.05, bright);
            case "piano" -> new FmVoice(sampleRate, 1.0, 2.4, 0.25, 1.1, 0.12, bright);
            case "bells" -> new FmVoice(sampleRate, 3.0, 2.2, 0.25, 1.3, 0.0, bright);
            case "pluck" -> new PluckVoice(sampleRate, bright);
            default -> throw new IllegalArgumentException("no built-in voice for sound '" + sound + "'");
        };
    }

    /** 808: a sine with a short pitch drop, glides from the previous pitch, long decay and tanh drive. */
    static final class Eight08 implements ToneVoice {
        private final double sr, drive;

        Eight08(double sr, double drive) {
            this.sr = sr;
            this.drive = 1 + 5 * drive;
        }

        @Override
        public int releaseFrames() { return (int) (0.012 * sr); }

        @Override
        public void render(float[] out, int start, int length, int pitch, int velocity, Integer glideFrom) {
            double target = Osc.mtof(pitch);
            double from = glideFrom == null ? target : Osc.mtof(glideFrom);
            double glideTime = Math.min(0.09, length / sr * 0.5);
            double amp = Math.pow(velocity / 127.0, 1.2) * 0.9;
            double norm = Osc.softClip(drive);
            int rel = releaseFrames();
            int total = length + rel;
            double phase = 0;
            double decay = 1.6;
            double lnRatio = Math.log(target / from);
            // Envelopes as per-sample multipliers: no exp() in the loop.
            double ampEnv = 1, ampCoef = Math.exp(-1 / (decay * sr));
            double drop = 0.6, dropCoef = Math.exp(-1 / (0.008 * sr));
            double glideFrames = glideTime * sr, glideStep = Math.exp(lnRatio / Math.max(1, glideFrames));
            double glideF = from;
            double attack = 0.001 * sr;
            for (int i = 0; i < total; i++) {
                int at = start + i;
                double f;
                if (glideFrom != null && i < glideFrames) {
                    f = glideF;
                    glideF *= glideStep;
                } else {
                    f = target;
                }
                f *= 1 + drop;
                drop *= dropCoef;
                phase += f / sr;
                if (phase >= 1) phase -= Math.floor(phase);
                double env = ampEnv * (i < attack ? i / attack : 1);
                ampEnv *= ampCoef;
                if (at < 0 || at >= out.length) continue;
                if (i >= length) env *= 1 - (i - length) / (double) rel;
                double s = Osc.sin(phase);
                out[at] += (float) (amp * env * Osc.softClip(drive * s) / norm);
            }
        }
    }

    enum Shape { BASS, SUB, REESE, PAD, STRINGS, STAB, LEAD }

    /** Subtractive voices: band-limited saw/square oscillators, a filter envelope and an ADSR. */
    static final class SubtractiveVoice implements ToneVoice {
        private final double sr, bright;
        private final Shape shape;
        private final double attack, decay, sustain, release, cutoff, envAmount, q;

        SubtractiveVoice(double sr, Shape shape, double bright) {
            this.sr = sr;
            this.shape = shape;
            this.bright = bright;
            switch (shape) {
                case BASS -> { attack = 0.003; decay = 0.25; sustain = 0.7; release = 0.04; cutoff = 180; envAmount = 900; q = 0.9; }
                // lo-fi's mellow bass: a slow attack and almost no filter pluck, so it swells under the drums
                case SUB -> { attack = 0.02; decay = 0.5; sustain = 0.85; release = 0.08; cutoff = 240; envAmount = 120; q = 0.7; }
                case REESE -> { attack = 0.01; decay = 0.4; sustain = 0.85; release = 0.08; cutoff = 350; envAmount = 300; q = 0.8; }
                case PAD -> { attack = 0.35; decay = 1.0; sustain = 0.8; release = 0.6; cutoff = 900; envAmount = 600; q = 0.7; }
                case STRINGS -> { attack = 0.18; decay = 0.8; sustain = 0.85; release = 0.45; cutoff = 1800; envAmount = 800; q = 0.6; }
                case STAB -> { attack = 0.002; decay = 0.18; sustain = 0.0; release = 0.05; cutoff = 500; envAmount = 3500; q = 1.4; }
                default -> { attack = 0.008; decay = 0.3; sustain = 0.75; release = 0.12; cutoff = 1400; envAmount = 2200; q = 1.0; }
            }
        }

        /** The release falls with a time constant of a fifth of its length: -65 dB when the tail ends. */
        @Override
        public int releaseFrames() { return (int) (release * sr * 1.5); }

        @Override
        public void render(float[] out, int start, int length, int pitch, int velocity, Integer glideFrom) {
            double f = Osc.mtof(pitch);
            double fFrom = glideFrom == null ? f : Osc.mtof(glideFrom);
            double vel = velocity / 127.0;
            double amp = vel * switch (shape) { case PAD, STRINGS -> 0.22; case BASS, SUB -> 0.5; case REESE -> 0.4; default -> 0.3; };
            double brightScale = 0.5 + bright;
            Svf filter = new Svf(sr, q);
            double[] detune = switch (shape) {
                case REESE -> new double[]{-0.14, 0.14};
                case PAD -> new double[]{-0.07, 0.07};
                case STRINGS -> new double[]{-0.1, 0.0, 0.1};
                case STAB -> new double[]{-0.04, 0.04};
                default -> new double[]{0};
            };
            double[] ratio = new double[detune.length];
            for (int k = 0; k < ratio.length; k++) ratio[k] = Math.pow(2, detune[k] / 12);
            double[] ph = new double[detune.length];
            for (int k = 0; k < ph.length; k++) ph[k] = (k * 0.37 + pitch * 0.11) % 1.0; // fixed, varied start phases
            double subPhase = 0;
            int rel = releaseFrames();
            int total = length + rel;
            double env = 0;
            double relCoef = Math.exp(-1 / (release * 0.2 * sr));
            double decCoef = Math.exp(-1 / (decay * sr));
            double atkInc = 1 / Math.max(1, attack * sr);
            double fenv = 1, fenvCoef = Math.exp(-1 / ((shape == Shape.STAB ? 0.08 : 0.25) * sr));
            boolean attacking = true;
            double glideTime = 0.06 * sr;
            for (int i = 0; i < total; i++) {
                int at = start + i;
                if (i < length) {
                    if (attacking) {
                        env += atkInc;
                        if (env >= 1) { env = 1; attacking = false; }
                    } else {
                        env = sustain + (env - sustain) * decCoef;
                    }
                } else {
                    env *= relCoef;
                }
                fenv *= fenvCoef;
                if ((i & 15) == 0) filter.cutoff((cutoff + envAmount * fenv * vel) * brightScale);
                double freq = glideFrom != null && i < glideTime ? fFrom * Math.pow(f / fFrom, i / glideTime) : f;
                if (shape == Shape.LEAD && i > 0.25 * sr) freq *= 1 + 0.006 * Osc.sin((i / sr * 5.2) % 1.0);
                double s = 0;
                for (int k = 0; k < ph.length; k++) {
                    double fk = freq * ratio[k];
                    double dt = fk / sr;
                    ph[k] += dt;
                    if (ph[k] >= 1) ph[k] -= 1;
                    s += shape == Shape.LEAD && k == 0 ? 0.5 * Osc.saw(ph[k], dt) + 0.5 * Osc.square(ph[k], dt) : Osc.saw(ph[k], dt);
                }
                s /= ph.length;
                double y = filter.lowpass(s);
                if (shape == Shape.BASS || shape == Shape.REESE) {
                    subPhase += freq / sr;
                    if (subPhase >= 1) subPhase -= 1;
                    y = 0.6 * y + 0.7 * Osc.sin(subPhase);
                }
                if (at >= 0 && at < out.length) out[at] += (float) (amp * env * y);
                if (i >= length && env < 3e-4) break;
            }
        }
    }

    /**
     * Two-operator FM: electric piano (ratio 1, index falling with time), piano and bells
     * (ratio 3); an optional high "tine" partial gives the Rhodes bark.
     */
    static final class FmVoice implements ToneVoice {
        private static final double TINE_FLOOR = 1e-7;
        private final double sr, ratio, index, indexDecay, decay, tine, bright;

        FmVoice(double sr, double ratio, double index, double indexDecay, double decay, double tine, double bright) {
            this.sr = sr;
            this.ratio = ratio;
            this.index = index;
            this.indexDecay = indexDecay;
            this.decay = decay;
            this.tine = tine;
            this.bright = bright;
        }

        @Override
        public int releaseFrames() { return (int) (0.15 * sr); }

        @Override
        public void render(float[] out, int start, int length, int pitch, int velocity, Integer glideFrom) {
            double f = Osc.mtof(pitch);
            double vel = velocity / 127.0;
            double amp = 0.28 * vel;
            double idx0 = index * (0.5 + vel) * (0.6 + 0.8 * bright);
            // 32-bit integer phases: they wrap by themselves, and the table index is a shift (no floor per sample);
            // the modulation index, in radians, is scaled to the same units
            double modToPhase = idx0 / (2 * Math.PI) * Osc.TURN;
            int dc = Osc.phaseStep(f, sr), dm = Osc.phaseStep(f * ratio, sr), dtine = Osc.phaseStep(Math.min(f * 14, sr * 0.45), sr);
            int pc = 0, pm = 0, pt = 0;
            int rel = releaseFrames();
            int total = Math.min(length + rel, out.length - start);
            double env = 1, envCoef = Math.exp(-1 / (decay * sr)), idxEnv = 1, idxCoef = Math.exp(-1 / (indexDecay * sr));
            double tineEnv = tine, tineCoef = Math.exp(-1 / (0.02 * sr));
            // the tine dies within a few hundred ms: past TINE_FLOOR (-140 dB) it is not computed
            int tineFrames = tine > 0 ? (int) Math.ceil(Math.log(TINE_FLOOR / tine) / Math.log(tineCoef)) : 0;
            double relCoef = Math.exp(-1 / (0.03 * sr));
            double attack = 0.002 * sr;
            // ratio 1 (keys, piano): the modulator is the carrier's own sine, looked up once
            boolean unison = dm == dc;
            // samples before the buffer (a wrapped tail) advance the oscillators but are not written
            for (int i = 0; i < total; i++) {
                int at = start + i;
                pc += dc;
                pm += dm;
                double sc = Osc.sin(pc);
                double mod = (unison ? sc : Osc.sin(pm)) * modToPhase * idxEnv;
                double s = Osc.sin(pc + (int) (long) mod);
                if (i < tineFrames) {
                    pt += dtine;
                    s += Osc.sin(pt) * tineEnv;
                    tineEnv *= tineCoef;
                }
                double a = i < attack ? env * (i / attack) : env;
                env *= envCoef;
                if (i >= length) env *= relCoef;
                idxEnv *= idxCoef;
                if (at >= 0) out[at] += (float) (amp * a * s);
                if (i >= length && env < 1e-4) break;
            }
        }
    }

    /** Karplus-Strong plucked string with a fractional (linearly interpolated) delay for exact tuning. */
    static final class PluckVoice implements ToneVoice {
        private final double sr, bright;

        PluckVoice(double sr, double bright) {
            this.sr = sr;
            this.bright = bright;
        }

        @Override
        public int releaseFrames() { return (int) (0.08 * sr); }

        @Override
        public void render(float[] out, int start, int length, int pitch, int velocity, Integer glideFrom) {
            double f = Osc.mtof(pitch);
            // The two-point average in the loop delays by half a sample: take it off the read distance.
            double delay = sr / f - 0.5;
            int size = Integer.highestOneBit((int) delay + 4) << 1;
            int mask = size - 1;
            double[] buf = new double[size];
            Noise noise = new Noise(pitch * 7919L + 13);
            double lp = 0, lpCoef = 0.3 + 0.5 * bright;
            int fill = (int) Math.ceil(delay) + 1;
            for (int i = 0; i < fill; i++) {
                lp += lpCoef * (noise.next() - lp);
                buf[i] = lp;
            }
            double feedback = Math.pow(0.001, 1 / (f * 1.6)); // about 1.6 s to -60 dB
            double amp = 0.6 * velocity / 127.0;
            int rel = releaseFrames();
            int total = length + rel;
            double last = 0, relGain = 1, relCoef = Math.exp(-1 / (0.02 * sr));
            int w = fill;
            for (int i = 0; i < total; i++, w++) {
                double r = w - delay;
                int r0 = (int) Math.floor(r);
                double fr = r - r0;
                double x = buf[r0 & mask] * (1 - fr) + buf[(r0 + 1) & mask] * fr;
                buf[w & mask] = 0.5 * (x + last) * feedback;
                last = x;
                if (i >= length) relGain *= relCoef;
                int at = start + i;
                if (at >= 0 && at < out.length) out[at] += (float) (amp * x * relGain);
            }
        }
    }
}
