#!/usr/bin/env bash
# Issue 4 benchmark: `groundwork beat` for a 3-minute, five-part beat, whole process (compose, render
# stems, mix, master; JVM start included; target < 5 s), and FluidSynth rendering the same beat.mid
# with the FluidR3 GM SoundFont in the same run (time ratio). Writes results/beat.md.
. "$(dirname "$0")/lib.sh"
PROMPT="${BENCH_BEAT_PROMPT:-boom bap, 90 bpm, A minor, 3 minutes}"

need_base_tools
need_packages fluidsynth fluid-soundfont-gm
build_jars
md="$(result_md beat)"
summary_reset beat
OUT="$WORK/beat"; rm -rf "$OUT"; mkdir -p "$OUT"
SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2

if java -Djava.awt.headless=true -jar "$JAR" beat "$PROMPT" -o "$OUT/probe" --seed 1 >"$RESULTS/beat-probe.out" 2>"$RESULTS/beat-probe.err" \
   && [ -f "$OUT/probe/beat.mid" ]; then
  parts=$(find "$OUT/probe/stems" -name '*.wav' | wc -l)
  part_names=$(find "$OUT/probe/stems" -name '*.wav' -exec basename {} .wav \; | sort | paste -sd, - | sed 's/,/, /g')
  dur=$(ebur128_json "$OUT/probe/beat.wav" | jq .duration_s)
  build_ebur128_bench
  read -r lufs tp < <(ebur128_json "$OUT/probe/beat.wav" | jq -r '"\(.integrated_lufs) \(.true_peak_dbtp)"')
  log "beat: whole process (hyperfine)"
  gw=$(hyperfine_mean beat-gw 3 --prepare "rm -rf $OUT/run" "$LAUNCHER beat '$PROMPT' -o $OUT/run --seed 1")
  gw_sd=$(hyperfine_field beat-gw stddev)
  # the issue's condition is one core: the same command pinned to CPU 0
  gw1=$(hyperfine_mean beat-gw-1core 3 --prepare "rm -rf $OUT/run1" "taskset -c 0 $LAUNCHER beat '$PROMPT' -o $OUT/run1 --seed 1")
  gw1_sd=$(hyperfine_field beat-gw-1core stddev)
  fs=$(hyperfine_mean beat-fluidsynth 3 "fluidsynth -ni -q -r 44100 -F $OUT/fluidsynth.wav $SF2 $OUT/probe/beat.mid")
  fs_sd=$(hyperfine_field beat-fluidsynth stddev)
  fs_dur=$(ebur128_json "$OUT/fluidsynth.wav" | jq .duration_s)
  rows="| \`groundwork beat\` (compose + $parts stems + mix + master, JVM start included) | $(printf %.2f "$gw") ± $(printf %.2f "$gw_sd") s (CPU $(printf %.2f "$(hyperfine_cpu beat-gw)") s) | $(printf %.0f "$(calc "$dur / $gw")")× real time | |
| the same, one core (\`taskset -c 0\`) | $(printf %.2f "$gw1") ± $(printf %.2f "$gw1_sd") s (CPU $(printf %.2f "$(hyperfine_cpu beat-gw-1core)") s) | $(printf %.0f "$(calc "$dur / $gw1")")× real time | < 5 s |
| FluidSynth $(dpkg-query -W -f='${Version}' fluidsynth) rendering the same \`beat.mid\` (FluidR3 GM, one stereo file) | $(printf %.2f "$fs") ± $(printf %.2f "$fs_sd") s (CPU $(printf %.2f "$(hyperfine_cpu beat-fluidsynth)") s) | $(printf %.0f "$(calc "$fs_dur / $fs")")× real time | |
| ratio (FluidSynth time / groundwork time) | **$(calc "$fs / $gw")×** | | |"
  summary beat "| beat: 3-min beat, $parts stems, whole process (wall; CPU) | $(printf %.2f "$gw") s; CPU $(printf %.2f "$(hyperfine_cpu beat-gw)") s | FluidSynth render of beat.mid $(printf %.2f "$fs") s; CPU $(printf %.2f "$(hyperfine_cpu beat-fluidsynth)") s | $(calc "$fs / $gw")× wall | < 5 s on one core | $(verdict "$gw1" "<=" 5): one core $(printf %.2f "$gw1") s |"
  detail="Prompt: \`$PROMPT\`, seed 1 → $(printf %.1f "$dur") s, parts: $part_names; \`beat.wav\` measured by libebur128 at $(printf %.2f "$lufs") LUFS, $(printf %.2f "$tp") dBTP."
else
  reason="$(not_available_reason "$RESULTS/beat-probe.err")"
  summary beat "| beat: 3-min five-part beat, whole process | not measured: $reason | FluidSynth | | < 5 s | — |"
  rows="| \`groundwork beat\` | not measured: ${reason:-no beat.mid written} | | < 5 s |"
  detail="Prompt: \`$PROMPT\`."
fi

# Tempo and key read back from the rendered audio by independent detectors (aubio; Essentia via npm), 24 prompts.
log "beat: tempo (aubio) and key (Essentia) of 24 prompts"
need_packages aubio-tools python3
command -v npm >/dev/null || need_packages nodejs npm   # a Node.js that bundles npm (e.g. NodeSource) conflicts with Debian's npm package
tk_md="$RESULTS/beat-tempo-key.md"
if (cd "$BENCH_DIR/beat" && { [ -d node_modules/essentia.js ] || npm install --no-audit --no-fund >"$RESULTS/beat-npm.log" 2>&1; }) \
   && python3 "$BENCH_DIR/beat/tempo_key.py" >"$tk_md" 2>"$RESULTS/beat-tempo-key.err"; then
  tempo_ok=$(sed -n 's/^tempo within 2 % (half[^:]*: \([0-9]*\)\/\([0-9]*\).*/\1 \2/p' "$tk_md")
  key_ok=$(sed -n 's/^key read as asked by Essentia: \([0-9]*\)\/\([0-9]*\).*/\1 \2/p' "$tk_md")
  read -r t_hit t_n <<<"$tempo_ok"; read -r k_hit k_n <<<"$key_ok"
  summary beat "| beat: rendered tempo read by aubio within 2 % ($t_n prompts) | $t_hit / $t_n | | | every prompt (half or double only for half-time genres) | $([ "$t_hit" = "$t_n" ] && echo met || echo '**not met**') |"
  summary beat "| beat: key read by Essentia as asked ($k_n prompts) | $k_hit / $k_n | | | most prompts | $([ $((2 * k_hit)) -gt "$k_n" ] && echo met || echo '**not met**') |"
  tk_section="**Tempo and key read back** by independent detectors (\`bench/beat/tempo_key.py\`: Debian aubio for the tempo,
Essentia's KeyExtractor via essentia.js for the key; seed 1):

$(cat "$tk_md")"
else
  summary beat "| beat: tempo and key read back | not measured: $(tail -1 "$RESULTS/beat-tempo-key.err" 2>/dev/null) | | | | — |"
  tk_section="Tempo and key read back: not measured (see bench/work/results/beat-tempo-key.err)."
fi

cat >"$md" <<MD
### Beat (issue 4)

$(stamp)

$detail
Whole process, hyperfine (1 warm-up + 3 runs, mean ± σ). FluidSynth only synthesises the MIDI (no stems, mix or
mastering), so the ratio compares groundwork's whole job with a bare render of the same notes.

| job | time | speed | target |
|---|---:|---:|---|
$rows

$tk_section
MD
summary_commit beat
log "beat: wrote $md"
cat "$md"
