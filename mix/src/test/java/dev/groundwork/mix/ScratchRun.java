package dev.groundwork.mix;

import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

class ScratchRun {
    @Test
    void print() {
        var a = AutoMix.analyze(SyntheticStems.band(12), ProgressListener.NONE);
        var plan = AutoMix.propose(a, MixSettings.defaults());
        System.out.println(Json.write(plan));
        var unnamed = a.stems().stream().map(s -> (dev.groundwork.mix.stems.StemSource) new dev.groundwork.mix.stems.MemoryStem("track" + s.name().hashCode() + ".wav",
                ((dev.groundwork.mix.stems.MemoryStem) s).audio())).toList();
        var b = AutoMix.analyze(unnamed, ProgressListener.NONE);
        for (int i = 0; i < b.profiles().size(); i++) {
            var g = dev.groundwork.mix.roles.RoleClassifier.classify(b.profiles().get(i).summary());
            System.out.println(b.stems().get(i).name() + " -> " + g);
        }
        long t = System.nanoTime();
        var out = dev.groundwork.mix.render.MixRenderer.renderToMemory(plan, a.stems());
        System.out.println("render " + (System.nanoTime() - t) / 1e6 + " ms, frames " + out.frames());
    }
}
