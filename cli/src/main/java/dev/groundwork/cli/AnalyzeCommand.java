package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Measure loudness (BS.1770 / EBU R128), true peak and spectrum of audio files.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'analyze' is not available yet");
    }
}
