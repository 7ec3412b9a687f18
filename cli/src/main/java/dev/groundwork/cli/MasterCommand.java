package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "master", mixinStandardHelpOptions = true, description = "Master a song to a streaming loudness target with a true-peak-safe limiter.")
public final class MasterCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'master' is not available yet");
    }
}
