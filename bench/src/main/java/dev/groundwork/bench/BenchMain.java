package dev.groundwork.bench;

import dev.groundwork.bench.meter.MeterTiming;
import dev.groundwork.bench.mixing.LmmsSoloProjects;
import dev.groundwork.bench.mixing.MidiStemSplitter;
import dev.groundwork.bench.mixing.MixAccuracy;
import dev.groundwork.bench.mixing.StemScrambler;

import java.util.Arrays;

/** Entry point of the benchmark harness jar; the bench/*.sh scripts call one subcommand each. */
public final class BenchMain {
    private BenchMain() { }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: groundwork-bench meter-timing|split-midi|lmms-solo|scramble|mix-accuracy ARGS...");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "meter-timing" -> MeterTiming.main(rest);
            case "split-midi" -> MidiStemSplitter.main(rest);
            case "lmms-solo" -> LmmsSoloProjects.main(rest);
            case "scramble" -> StemScrambler.main(rest);
            case "mix-accuracy" -> MixAccuracy.main(rest);
            default -> {
                System.err.println("groundwork-bench: unknown harness " + args[0]);
                System.exit(2);
            }
        }
    }
}
