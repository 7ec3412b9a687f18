package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "beat", mixinStandardHelpOptions = true, description = "Make a beat from a text prompt: MIDI, stems and a mastered render.")
public final class BeatCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'beat' is not available yet");
    }
}
