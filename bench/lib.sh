# Shared helpers for the groundwork benchmarks. Source it: . "$(dirname "$0")/lib.sh"
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
WORK="${BENCH_WORK:-$BENCH_DIR/work}"
MUSIC="$WORK/music"
RESULTS="$WORK/results"
JAR="$REPO_DIR/cli/target/groundwork.jar"
BENCH_JAR="$REPO_DIR/bench/target/groundwork-bench.jar"
EBUR128_BENCH="$WORK/bin/ebur128_bench"
mkdir -p "$WORK" "$MUSIC" "$RESULTS" "$WORK/bin"

log() { printf '%s\n' "bench: $*" >&2; }
die() { printf '%s\n' "bench: $*" >&2; exit 1; }

# need_packages PKG... : installs missing Debian packages when root, otherwise names them and stops.
need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} (apt-get)"
    if [ ! -f "$WORK/.apt-updated" ]; then apt-get update -q >/dev/null && touch "$WORK/.apt-updated"; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$WORK/apt.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed; see $WORK/apt.log"
  else
    die "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
  fi
}

# The tools every benchmark uses.
need_base_tools() {
  need_packages ffmpeg sox hyperfine jq bc time gcc libebur128-dev libsndfile1-dev
  command -v java >/dev/null || die "java (17 or newer) is not on PATH"
}

# Builds the libebur128 reference harness when missing or older than its source.
build_ebur128_bench() {
  local src="$BENCH_DIR/c/ebur128_bench.c"
  if [ ! -x "$EBUR128_BENCH" ] || [ "$src" -nt "$EBUR128_BENCH" ]; then
    gcc -O2 -march=native -o "$EBUR128_BENCH" "$src" -lebur128 -lsndfile -lm \
      || die "could not build $src against libebur128"
  fi
}

# Builds the runnable CLI jar and the bench harness jar when missing or older than the sources.
build_jars() {
  local stale=0
  for j in "$JAR" "$BENCH_JAR"; do [ -f "$j" ] || stale=1; done
  if [ $stale = 0 ] && [ -n "$(find "$REPO_DIR" -path "$REPO_DIR/bench/work" -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$BENCH_JAR" -print -quit)" ]; then
    stale=1
  fi
  if [ $stale = 1 ]; then
    log "building groundwork.jar and groundwork-bench.jar (mvn package, tests skipped)"
    (cd "$REPO_DIR" && ./mvnw -q -B -DskipTests package -pl cli,bench -am >"$WORK/build.log" 2>&1) \
      || die "build failed; see $WORK/build.log"
  fi
}

# has_command NAME: true when `java -jar groundwork.jar NAME --help` works (the feature has landed).
has_command() {
  [ -f "$JAR" ] && java -jar "$JAR" "$1" --help >/dev/null 2>&1
}

# has_option CMD OPTION: true when CMD's help mentions OPTION.
has_option() {
  [ -f "$JAR" ] && java -jar "$JAR" "$1" --help 2>&1 | grep -q -- "$2"
}

# LAUNCHER: the command the README runs (`./groundwork`: staleness check, then java with its class-data-sharing
# archive). Whole-process timings use it, as users run it; analyze also reports the bare `java -jar` beside it.
LAUNCHER="$REPO_DIR/groundwork"

# gw ARGS...: the whole groundwork process, the jar run directly (no launcher script in the timing).
gw() { java ${GW_JAVA_OPTS:-} -Djava.awt.headless=true -jar "$JAR" "$@"; }

# hyperfine_run NAME RUNS CMD...: times a command with hyperfine (1 warm-up); JSON kept for hyperfine_field.
hyperfine_run() {
  local name="$1" runs="$2"; shift 2
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$RESULTS/hyperfine-$name.json" "$@" >"$RESULTS/hyperfine-$name.txt" 2>&1 \
    || { cat "$RESULTS/hyperfine-$name.txt" >&2; return 1; }
}

# hyperfine_mean NAME RUNS CMD...: hyperfine_run, then prints the mean seconds.
hyperfine_mean() {
  hyperfine_run "$@" || return 1
  jq -r '.results[0].mean' "$RESULTS/hyperfine-$1.json"
}

# hyperfine_field NAME FIELD: another field (stddev, min, max) of the last hyperfine run called NAME.
hyperfine_field() { jq -r ".results[0].$2" "$RESULTS/hyperfine-$1.json"; }
# hyperfine_range NAME: "fastest–slowest s" of the last hyperfine run called NAME.
hyperfine_range() { printf '%.2f–%.2f s' "$(hyperfine_field "$1" min)" "$(hyperfine_field "$1" max)"; }

# peak_rss_mb CMD...: runs CMD quietly; prints "seconds peak_rss_mb" (GNU time); fails when CMD fails.
peak_rss_mb() {
  local out="$WORK/time.out"
  /usr/bin/time -f '%e %M' -o "$out" "$@" >"$WORK/last-cmd.out" 2>"$WORK/last-cmd.err" || return 1
  awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$out"
}

# calc EXPR: floating-point arithmetic with bc, printed with 3 decimals.
calc() { printf '%.3f' "$(echo "scale=6; $*" | bc -l)"; }

# ebur128_json FILE...: libebur128 measurements, one JSON object per line.
ebur128_json() { "$EBUR128_BENCH" measure "$@"; }

# ffmpeg_ebur128 FILE: ffmpeg's own meter, "integrated lra true_peak".
ffmpeg_ebur128() {
  ffmpeg -nostats -hide_banner -i "$1" -af ebur128=peak=true -f null - 2>&1 | awk '
    /Summary:/ {s=1} s && /I:/ {i=$2} s && /LRA:/ && !l {l=$2} s && /Peak:/ {p=$2} END {print i, l, p}'
}

# machine_line: one line naming the machine and the load on it, for the report.
machine_line() {
  local cpu; cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf '%s, %s cores, %s RAM; load average at start %s' "$cpu" "$(nproc)" \
    "$(free -h | awk '/Mem:/ {print $2}')" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# result_md NAME: where a benchmark writes its Markdown section for docs/PERFORMANCE.md.
result_md() { echo "$RESULTS/$1.md"; }

# hyperfine_cpu NAME: mean user + system CPU seconds of the last hyperfine run called NAME (all threads).
hyperfine_cpu() { jq -r '.results[0].user + .results[0].system' "$RESULTS/hyperfine-$1.json"; }

# not_available_reason ERRFILE: why a groundwork command could not run, in words for the report.
not_available_reason() {
  local line; line="$(grep -v '^\s*at ' "$1" | head -1)"
  case "$line" in
    *"Unmatched argument"*|*"not available yet"*) echo "the command is not implemented in this build yet ($(git -C "$REPO_DIR" rev-parse --short HEAD))";;
    "") echo "it wrote no output";;
    *) echo "it failed: $line";;
  esac
}

# summary NAME ROW: appends a Markdown row to the headline table; summary_commit publishes the rows
# as results/summary-NAME.md when the benchmark has finished (an interrupted run leaves the last ones).
summary() { printf '%s\n' "$2" >>"$RESULTS/summary-$1.md.part"; }
summary_reset() { : >"$RESULTS/summary-$1.md.part"; }
summary_commit() { mv "$RESULTS/summary-$1.md.part" "$RESULTS/summary-$1.md"; }

# verdict VALUE OP LIMIT: "met" or "**not met**" (OP is <= or >=).
verdict() {
  local ok; if [ "$2" = "<=" ]; then ok=$(echo "$1 <= $3" | bc -l); else ok=$(echo "$1 >= $3" | bc -l); fi
  [ "$ok" = 1 ] && echo "met" || echo "**not met**"
}

# stamp: when and on which build a section was measured.
stamp() { printf '*Measured %s, groundwork git %s.*' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(git -C "$REPO_DIR" rev-parse --short HEAD)"; }
