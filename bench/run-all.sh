#!/usr/bin/env bash
# Runs every groundwork benchmark in one go and regenerates docs/PERFORMANCE.md from this run.
#   bench/run-all.sh                 all benchmarks
#   bench/run-all.sh analyze master  only some (the others keep their last results)
# Needs root for apt-get (or the Debian packages already installed: it names what is missing).
. "$(dirname "$0")/lib.sh"
parts=("$@"); [ ${#parts[@]} -eq 0 ] && parts=(analyze master beat mix)
[ "${parts[0]}" = doc ] && parts=()   # `run-all.sh doc`: only reassemble docs/PERFORMANCE.md from the last results

need_base_tools
if [ ${#parts[@]} -gt 0 ]; then
  build_ebur128_bench
  build_jars
  "$BENCH_DIR/prepare-material.sh"
  date -u '+%Y-%m-%d %H:%M UTC' >"$RESULTS/started"
  machine_line >"$RESULTS/machine"
fi

# A page cache grown full of earlier parts' material (gigabytes of stems) makes large allocations reclaim it first:
# with 0.3 GB free a 3-min beat spent 25 % more system time than with the cache dropped. Each part starts from a
# clean cache when this runs as root. The input files are read back in by each timing's warm-up run.
drop_page_cache() {
  if [ -w /proc/sys/vm/drop_caches ]; then sync; echo 1 >/proc/sys/vm/drop_caches; fi
}
for p in "${parts[@]}"; do
  log "=== $p"
  drop_page_cache
  t0=$(date +%s)
  if "$BENCH_DIR/$p.sh" >"$RESULTS/$p.log" 2>&1; then
    log "$p done in $(( $(date +%s) - t0 )) s"
  else
    log "$p FAILED (see $RESULTS/$p.log)"
    { echo "### $p"; echo; echo "The benchmark script failed in this run: \`$(grep -E 'bench:' "$RESULTS/$p.log" | tail -1)\` (see bench/work/results/$p.log)."; } >"$(result_md "$p")"
  fi
done
[ ${#parts[@]} -gt 0 ] && date -u '+%H:%M UTC' >"$RESULTS/finished"
started="$(cat "$RESULTS/started" 2>/dev/null || echo unknown)"
finished="$(cat "$RESULTS/finished" 2>/dev/null || echo unknown)"
machine="$(cat "$RESULTS/machine" 2>/dev/null || machine_line)"

versions() {
  printf -- '- groundwork: git %s (%s)\n' "$(git -C "$REPO_DIR" rev-parse --short HEAD)" "$(git -C "$REPO_DIR" log -1 --format=%cd --date=short)"
  printf -- '- Java: %s\n' "$(java -version 2>&1 | sed -n 2p)"
  printf -- '- libebur128 %s (exact mode), ffmpeg %s, FluidSynth %s with fluid-soundfont-gm %s, hyperfine %s, sox %s\n' \
    "$(dpkg-query -W -f='${Version}' libebur128-dev)" "$(dpkg-query -W -f='${Version}' ffmpeg)" \
    "$(dpkg-query -W -f='${Version}' fluidsynth 2>/dev/null || echo '-')" "$(dpkg-query -W -f='${Version}' fluid-soundfont-gm 2>/dev/null || echo '-')" \
    "$(dpkg-query -W -f='${Version}' hyperfine)" "$(dpkg-query -W -f='${Version}' sox)"
  printf -- '- OS: %s, kernel %s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(uname -r)"
}

doc="$REPO_DIR/docs/PERFORMANCE.md"
mkdir -p "$(dirname "$doc")"
{
cat <<MD
# Performance

Numbers from \`bench/run-all.sh\` (last invocation $started – $finished); every peer is measured in the same run as
groundwork, on the same files, and each section below is stamped with its time and groundwork build.
Machine: $machine.

$(versions)

**Read with care:** this machine has 2 cores shared with other jobs (see the load average above), so wall-clock
times carry noise; in-process comparisons therefore use the CPU time of the measuring thread, and whole-process tables
give the CPU time (user + system, all threads) next to the wall time. Ratios are peer time / groundwork time
(above 1 = groundwork faster). A row marked "not measured" says why. Whole-process timings of analyze, master and
beat run \`./groundwork\`, the launcher the README uses (a staleness check, then java with its class-data-sharing
archive); analyze also shows the bare \`java -jar\` beside it; mix times \`java -jar\`. "One core" rows pin the
whole command to CPU 0 with \`taskset -c 0\`, the condition issues 3 and 4 name. Each part starts with the page cache dropped (when run as root), so
memory reclaim from earlier parts does not land on the timings.

## Headline

| what | groundwork | peer | ratio | target | verdict |
|---|---|---|---|---|---|
MD
for p in analyze master beat mix; do [ -f "$RESULTS/summary-$p.md" ] && cat "$RESULTS/summary-$p.md"; done
echo
echo "## Details"
echo
for p in analyze master beat mix; do [ -f "$RESULTS/$p.md" ] && { cat "$RESULTS/$p.md"; echo; }; done
cat <<'MD'
## Notes and limits of this benchmark

- **Load.** The machine was shared with other build and test jobs during the run (load average well above the 2 cores),
  so whole-process wall times are inflated and vary from run to run (see the ± columns); the CPU-time columns are the
  steadier measure. In-process meter timings use the measuring thread's CPU time for that reason.
- **True peak.** The three meters use different ×4 interpolation filters and can disagree by about 0.1–0.2 dB on real
  music; a master at −1.05 dBTP by groundwork's meter can read a few hundredths above −1 on another meter. Both are shown.
- **ffmpeg's printed summary** has one decimal; its figures are a cross-check, the 0.02 LU comparison is against libebur128.
- **Mix accuracy** grades levels only (loudness of each stem relative to the mix), as the issue asks; pans, EQ and
  compression are not graded. Hydrogen demo songs are not in the set (exporting them per instrument needs the Hydrogen
  application); the General MIDI songs of two different game soundtracks stand in for real multitracks.
- **Beat vs FluidSynth** compares groundwork's whole job (compose, synthesise stems, mix, master) with FluidSynth only
  synthesising the same MIDI file.

## How to rerun

```
bench/run-all.sh                    # everything (about 20-30 minutes on 2 cores), rewrites this file
bench/run-all.sh analyze            # one part: analyze | master | beat | mix
BENCH_RUNS=20 bench/analyze.sh      # more timed runs; results in bench/work/results/
```

The scripts install what they need with `apt-get` when run as root (ffmpeg, sox, hyperfine, jq, bc, time, gcc,
libebur128-dev, libsndfile1-dev, fluidsynth, fluid-soundfont-gm, libopenmpt-dev, and the music packages below) and otherwise name the
missing packages and stop. They build `cli/target/groundwork.jar` and `bench/target/groundwork-bench.jar` with Maven
when missing or stale, compile the libebur128 harness (`bench/c/ebur128_bench.c`), and prepare the material in
`bench/work/` (ignored by git; nothing audio is committed):

- `prepare-material.sh`: real, professionally produced game-soundtrack music from Debian packages, used only as
  benchmark material: `warzone2100-music` (GPL-2+) for the 5-, 20- and 60-minute files; `nexuiz-music` (GPL-2+),
  `singularity-music` (CC BY-SA 3.0) and `warzone2100-music` for the eight-song mastering set.
- `render-midi-stems.sh`: General MIDI songs from `planetblupi-music-midi` (GPL-3+) split per instrument
  (`groundwork-bench split-midi`) and rendered with FluidSynth into stems with a known mix.
- `render-module-stems.sh`: tracker modules from `pingus-data` and `tecnoballz-data` rendered once per instrument
  with libopenmpt (`bench/c/module_stems.c`): stems that add up to the module as its composer heard it.

Harnesses: `bench/c/ebur128_bench.c` (libebur128, in process), `bench/c/module_stems.c` (libopenmpt), `bench/src/main/java/dev/groundwork/bench/`
(`meter-timing`: groundwork's meter in process; `split-midi`, `scramble`, `mix-accuracy`: the automix accuracy test),
`analyze.sh`, `master.sh` (with `loudnorm2.sh`, ffmpeg's two-pass loudnorm), `beat.sh`, `mix.sh`.
MD
} >"$doc"
log "wrote $doc"
