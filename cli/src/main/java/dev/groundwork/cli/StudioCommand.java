package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "studio", mixinStandardHelpOptions = true, description = "Start the local studio page to listen, compare, choose and tweak.")
public final class StudioCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'studio' is not available yet");
    }
}
