package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.SubsonicFilter;

/** DC and subsonic removal. */
public record CleanStage(SubsonicFilter.Settings highPass, String reason) { }
