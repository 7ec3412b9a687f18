#!/usr/bin/env bash
# Interleaved one-core A/B of JVM options for the issue-3 case (a 5-minute master through ./groundwork on CPU 0):
#   bench/ab-master.sh RUNS "OPTIONS A" "OPTIONS B" ...     ("" is the launcher as it is)
# Each round runs every option set once, in turn, so a neighbour slowing the shared machine hits them alike; prints the
# median and fastest wall and user time per set. The song is bench/work/music/song-5min.wav (bench/prepare-material.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
song="${BENCH_WORK:-$here/bench/work}/music/song-5min.wav"
[ -f "$song" ] || { echo "no $song: run bench/prepare-material.sh first" >&2; exit 1; }
runs="$1"; shift
[ "$#" -ge 1 ] || { echo "usage: bench/ab-master.sh RUNS \"OPTIONS A\" [\"OPTIONS B\" ...]" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$here/groundwork" --version >/dev/null   # build and record the start-up archive outside the timing
for ((r = 0; r < runs; r++)); do
  k=0
  for opts in "$@"; do
    JAVA_OPTS="$opts" /usr/bin/time -f '%e %U' -a -o "$tmp/$k.txt" taskset -c 0 "$here/groundwork" master "$song" -o "$tmp/out$k.wav" >/dev/null 2>&1
    k=$((k + 1))
  done
done
median() { sort -n | awk '{v[NR]=$1} END {printf "%.2f", v[int((NR+1)/2)]}'; }
k=0
for opts in "$@"; do
  printf 'wall median %s fastest %s | user median %s | %s\n' "$(cut -d' ' -f1 "$tmp/$k.txt" | median)" \
    "$(cut -d' ' -f1 "$tmp/$k.txt" | sort -n | head -1)" "$(cut -d' ' -f2 "$tmp/$k.txt" | median)" "${opts:-(launcher as is)}"
  k=$((k + 1))
done
