#!/usr/bin/env bash
# render-midi-stems.sh SONG.mid OUT_DIR SECONDS: splits a General MIDI song into one MIDI file per
# instrument (drums into kick/snare/cymbals/toms) cut at SECONDS, and renders each with FluidSynth
# and the FluidR3 GM SoundFont into OUT_DIR/*.wav (stereo 44.1 kHz float; reverb and chorus off, so
# the stems add up to the whole song). The composer's channel volumes and pans are in the stems.
. "$(dirname "$0")/lib.sh"
song="$1"; out="$2"; seconds="$3"
need_packages fluidsynth fluid-soundfont-gm
SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2
[ -f "$out.done" ] && exit 0
rm -rf "$out" "$out.midi" "$out.done"; mkdir -p "$out"
java -jar "$BENCH_JAR" split-midi "$song" "$out.midi" "$seconds" >/dev/null
for m in "$out.midi"/*.mid; do
  fluidsynth -ni -q -g 0.5 -R 0 -C 0 -r 44100 -O float -T wav -F "$out/$(basename "$m" .mid).wav" "$SF2" "$m" >/dev/null 2>&1 \
    || die "fluidsynth failed on $m"
done
touch "$out.done"
