package dev.groundwork.mix.stems;

import dev.groundwork.core.audio.AudioFileInfo;
import dev.groundwork.core.audio.AudioStreamReader;

/** One stem: a name that identifies it in plans, what it holds, and a way to stream it (any number of times). */
public interface StemSource {
    String name();

    AudioFileInfo info();

    AudioStreamReader open();
}
