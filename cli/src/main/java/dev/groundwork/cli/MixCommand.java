package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "mix", mixinStandardHelpOptions = true, description = "Mix a folder of stems into a balanced stereo mix and an editable session.")
public final class MixCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'mix' is not available yet");
    }
}
