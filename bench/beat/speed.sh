#!/usr/bin/env bash
# Speed of `groundwork beat`: a 3-minute beat with five parts (kick, snare, hats, 808, chords), composed,
# rendered to stems, mixed and mastered, as one process pinned to one core; then FluidSynth (Debian)
# rendering the same beat.mid with FluidR3_GM in the same run, for comparison.
# Needs: the groundwork jar (./groundwork builds it), fluidsynth + fluid-soundfont-gm (apt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/cli/target/groundwork.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
prompt="trap 140 bpm F minor 3 minutes no melody"
runs="${RUNS:-3}"
echo "prompt: $prompt (one core: taskset -c 0)"
for i in $(seq 1 "$runs"); do
  rm -rf "$out/beat"
  /usr/bin/time -f "groundwork beat: %e s wall, %U s user, %S s sys, %M kB max RSS" \
    taskset -c 0 java -Djava.awt.headless=true -jar "$jar" beat "$prompt" -o "$out/beat" --json > "$out/beat.json.out"
done
python3 - "$out/beat.json.out" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["beats"][0]
print(f"beat: {b['bars']} bars, {b['duration_seconds']:.1f} s of audio, parts {', '.join(b['parts'])}; "
      f"in-process time {b['render_seconds']:.2f} s; {b['integrated_lufs']:.2f} LUFS, {b['true_peak_dbtp']:.2f} dBTP")
PY
sf2=/usr/share/sounds/sf2/FluidR3_GM.sf2
if command -v fluidsynth >/dev/null && [ -f "$sf2" ]; then
  /usr/bin/time -f "fluidsynth (same MIDI, FluidR3_GM, mix only): %e s wall, %U s user" \
    taskset -c 0 fluidsynth -ni -q -r 44100 -F "$out/fluid.wav" "$sf2" "$out/beat/beat.mid" > /dev/null
fi
