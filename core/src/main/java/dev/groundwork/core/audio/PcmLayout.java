package dev.groundwork.core.audio;

/** Where the samples of an uncompressed file are and how they are encoded. */
record PcmLayout(AudioFileInfo info, long dataOffset, long frames, PcmCodec codec, int frameBytes) { }
