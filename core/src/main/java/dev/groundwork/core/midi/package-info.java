/** Standard MIDI files: a type-1 writer ({@link dev.groundwork.core.midi.MidiSong}) and a hostile-input reader. */
package dev.groundwork.core.midi;
