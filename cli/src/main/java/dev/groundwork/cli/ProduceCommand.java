package dev.groundwork.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "produce", mixinStandardHelpOptions = true, description = "Beat, mix and master from one prompt, writing every plan.")
public final class ProduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'produce' is not available yet");
    }
}
