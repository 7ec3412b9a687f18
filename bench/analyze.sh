#!/usr/bin/env bash
# Issue 2 benchmark: groundwork's meter vs libebur128 (in process) and `groundwork analyze` vs
# ffmpeg's ebur128 filter (whole process), on the same real 5-minute stereo 44.1 kHz song; loudness
# agreement on the mastering song set; a 60-minute file with -Xmx256m. Writes results/analyze.md.
. "$(dirname "$0")/lib.sh"
RUNS="${BENCH_RUNS:-10}"

need_base_tools
build_ebur128_bench
build_jars
"$BENCH_DIR/prepare-material.sh"
SONG="$MUSIC/song-5min.wav"
md="$(result_md analyze)"
summary_reset analyze

log "analyze: in-process meters ($RUNS timed runs each)"
"$EBUR128_BENCH" time "$RUNS" "$SONG" >"$RESULTS/analyze-libebur128.json"
java -jar "$BENCH_JAR" meter-timing "$SONG" "$RUNS" 5 >"$RESULTS/analyze-groundwork-meter.json"
c_cpu=$(jq .best_cpu_s "$RESULTS/analyze-libebur128.json")
c_med=$(jq .median_cpu_s "$RESULTS/analyze-libebur128.json")
j_cpu=$(jq .best_cpu_s "$RESULTS/analyze-groundwork-meter.json")
j_med=$(jq .median_cpu_s "$RESULTS/analyze-groundwork-meter.json")
j_cold=$(jq .cold_cpu_s "$RESULTS/analyze-groundwork-meter.json")
speedup=$(calc "$c_cpu / $j_cpu")
speedup_med=$(calc "$c_med / $j_med")
speedup_cold=$(calc "$c_cpu / $j_cold")
c_i=$(jq .integrated_lufs "$RESULTS/analyze-libebur128.json"); j_i=$(jq .integrated_lufs "$RESULTS/analyze-groundwork-meter.json")
c_l=$(jq .loudness_range_lu "$RESULTS/analyze-libebur128.json"); j_l=$(jq .loudness_range_lu "$RESULTS/analyze-groundwork-meter.json")
c_t=$(jq .true_peak_dbtp "$RESULTS/analyze-libebur128.json"); j_t=$(jq .true_peak_dbtp "$RESULTS/analyze-groundwork-meter.json")
read -r f_i f_l f_t < <(ffmpeg_ebur128 "$SONG")

log "analyze: loudness agreement on the song set"
agree_rows=""
max_diff=0
for f in "$SONG" "$MUSIC"/songs/*.wav "$MUSIC/long-20min.wav"; do
  ref=$("$EBUR128_BENCH" measure "$f")
  ours=$(java -jar "$BENCH_JAR" meter-timing "$f" 1 0)
  ri=$(jq .integrated_lufs <<<"$ref"); oi=$(jq .integrated_lufs <<<"$ours")
  rl=$(jq .loudness_range_lu <<<"$ref"); ol=$(jq .loudness_range_lu <<<"$ours")
  rt=$(jq .true_peak_dbtp <<<"$ref"); ot=$(jq .true_peak_dbtp <<<"$ours")
  read -r fi fl ft < <(ffmpeg_ebur128 "$f")
  d=$(calc "$oi - ($ri)"); ad=${d#-}
  [ "$(echo "$ad > $max_diff" | bc)" = 1 ] && max_diff=$ad
  agree_rows+="| $(basename "$f") | $(printf %.3f "$oi") | $(printf %.3f "$ri") | $fi | $d | $(printf %.1f "$ol") / $(printf %.1f "$rl") / $fl | $(printf %.2f "$ot") / $(printf %.2f "$rt") / $ft |"$'\n'
done

log "analyze: whole process vs ffmpeg (hyperfine)"
proc_note=""
if java -jar "$JAR" analyze "$SONG" >"$RESULTS/analyze-cli.txt" 2>"$RESULTS/analyze-cli.err"; then
  gw_mean=$(hyperfine_mean analyze-gw 5 "$LAUNCHER analyze $SONG")
  gw_sd=$(hyperfine_field analyze-gw stddev)
  jar_mean=$(hyperfine_mean analyze-gw-jar 5 "java -Djava.awt.headless=true -jar $JAR analyze $SONG")
  jar_sd=$(hyperfine_field analyze-gw-jar stddev)
  ff_mean=$(hyperfine_mean analyze-ffmpeg 5 "ffmpeg -nostats -hide_banner -i $SONG -af ebur128=peak=true -f null -")
  ff_sd=$(hyperfine_field analyze-ffmpeg stddev)
  gw_cpu=$(hyperfine_cpu analyze-gw); ff_cpu=$(hyperfine_cpu analyze-ffmpeg)
  proc_ratio=$(calc "$ff_mean / $gw_mean")
  proc_row="| \`./groundwork analyze\` (the launcher users run, JVM start included) | $(printf %.3f "$gw_mean") ± $(printf %.3f "$gw_sd") s (CPU $(printf %.2f "$gw_cpu") s) | \`ffmpeg -af ebur128=peak=true\` | $(printf %.3f "$ff_mean") ± $(printf %.3f "$ff_sd") s (CPU $(printf %.2f "$ff_cpu") s) | **$proc_ratio×** (ffmpeg time / groundwork time) | faster than ffmpeg |
| \`java -jar groundwork.jar analyze\` (no class-data-sharing archive) | $(printf %.3f "$jar_mean") ± $(printf %.3f "$jar_sd") s (CPU $(printf %.2f "$(hyperfine_cpu analyze-gw-jar)") s) | | | $(calc "$ff_mean / $jar_mean")× | |"
  cpu_ratio=$(calc "$ff_cpu / $gw_cpu")
  summary analyze "| analyze: whole process, 5-min song (wall; CPU) | $(printf %.2f "$gw_mean") s; CPU $(printf %.2f "$gw_cpu") s | ffmpeg ebur128 $(printf %.2f "$ff_mean") s; CPU $(printf %.2f "$ff_cpu") s | ${proc_ratio}× wall; ${cpu_ratio}× CPU | > 1× (faster than ffmpeg) | $(verdict "$proc_ratio" ">=" 1) (wall) |"
else
  why="$(not_available_reason "$RESULTS/analyze-cli.err")"
  proc_row="| \`groundwork analyze\` | not measured: $why | ffmpeg | | | faster than ffmpeg |"
  summary analyze "| analyze: whole process, 5-min song | not measured: $why | ffmpeg ebur128 | | > 1× | — |"
fi

log "analyze: 60-minute file with -Xmx256m"
if res=$(peak_rss_mb java -Xmx256m -Djava.awt.headless=true -jar "$JAR" analyze "$MUSIC/long-60min.wav"); then
  read -r mem_s mem_rss <<<"$res"
  mem_row="| 60-minute stereo 44.1 kHz file, \`-Xmx256m\` | passes: ${mem_s} s, peak RSS ${mem_rss} MB |"
  summary analyze "| analyze: 60-min file in \`-Xmx256m\` | passes (${mem_s} s, RSS ${mem_rss} MB) | | | passes | met |"
else
  why="$(not_available_reason "$WORK/last-cmd.err")"
  mem_row="| 60-minute stereo 44.1 kHz file, \`-Xmx256m\` | **fails** or not measured: $why |"
  summary analyze "| analyze: 60-min file in \`-Xmx256m\` | not measured / fails: $why | | | passes | — |"
fi

[ "$(echo "$max_diff == 0" | bc)" = 1 ] && max_diff="< 0.0005"
summary analyze "| meter: integrated + LRA + true peak, in process (CPU, best of $RUNS) | $(printf %.3f "$j_cpu") s | libebur128 $(printf %.3f "$c_cpu") s | ${speedup}× | ≥ 3× | $(verdict "$speedup" ">=" 3) |"
summary analyze "| meter: integrated loudness vs libebur128, $(( $(ls "$MUSIC"/songs/*.wav | wc -l) + 2 )) real files | max \\|Δ\\| $max_diff LU | libebur128 | | ≤ 0.02 LU | $(verdict "${max_diff#< }" "<=" 0.02) |"

cat >"$md" <<MD
### Analyze (issue 2)

$(stamp)

Material: \`song-5min.wav\`, 300 s of the Warzone 2100 soundtrack (legacy track 6), stereo 44.1 kHz 16-bit.

**In process, single thread** (file decoded to memory first; integrated + loudness range + true peak;
CPU time of the measuring thread, best of $RUNS runs after 5 warm-up runs; libebur128 in its exact mode):

| meter | best CPU s | median CPU s | peer | peer best CPU s | peer median CPU s | speed ratio (peer / groundwork) | target |
|---|---:|---:|---|---:|---:|---:|---|
| groundwork \`LoudnessMeter\` | $(printf %.3f "$j_cpu") | $(printf %.3f "$j_med") | libebur128 $(dpkg-query -W -f='${Version}' libebur128-dev) | $(printf %.3f "$c_cpu") | $(printf %.3f "$c_med") | **${speedup}×** (median ${speedup_med}×; first cold run ${speedup_cold}×) | ≥ 3× |

Same file: integrated $j_i (groundwork) vs $c_i (libebur128) vs $f_i (ffmpeg) LUFS; LRA $(printf %.2f "$j_l") vs $(printf %.2f "$c_l") vs $f_l LU
(groundwork and ffmpeg hop the short-term window at 10 Hz as EBU Tech 3342 asks, libebur128 at 1 Hz);
true peak $(printf %.2f "$j_t") vs $(printf %.2f "$c_t") vs $f_t dBTP (all ×4 oversampling, different interpolation filters).

**Whole process** (hyperfine, 1 warm-up + 5 runs, mean ± σ):

| groundwork | time | peer | time | ratio | target |
|---|---:|---|---:|---:|---|
$proc_row

**Loudness agreement on real music** (groundwork vs libebur128; target: integrated within 0.02 LU). Largest |difference|: **$max_diff LU**.

| file | groundwork LUFS | libebur128 LUFS | ffmpeg LUFS | difference LU | LRA gw / libebur128 / ffmpeg | true peak gw / libebur128 / ffmpeg dBTP |
|---|---:|---:|---:|---:|---|---|
$agree_rows
**Memory:**

| check | result |
|---|---|
$mem_row
MD
summary_commit analyze
log "analyze: wrote $md"
cat "$md"
