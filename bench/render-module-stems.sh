#!/usr/bin/env bash
# render-module-stems.sh MODULE OUT_DIR SECONDS: renders a tracker module (MOD, S3M, XM, IT) with libopenmpt
# once per instrument, every other instrument muted, into OUT_DIR/iNN-NAME.wav (stereo 44.1 kHz float), cut at
# SECONDS. The module's own volumes and pans are in the stems and they add up to the whole module (the
# renderer prints how closely), so the module as its composer heard it is the known mix.
. "$(dirname "$0")/lib.sh"
module="$1"; out="$2"; seconds="$3"
need_packages libopenmpt-dev libsndfile1-dev gcc
tool="$WORK/bin/module_stems"
src="$BENCH_DIR/c/module_stems.c"
if [ ! -x "$tool" ] || [ "$src" -nt "$tool" ] || [ "$BENCH_DIR/c/stereo_wav.h" -nt "$tool" ]; then
  gcc -O2 -o "$tool" "$src" -lopenmpt -lsndfile -lm || die "could not build $src against libopenmpt"
fi
[ -f "$out.done" ] && exit 0
rm -rf "$out"; mkdir -p "$out"
"$tool" "$module" "$out" "$seconds" >"$out.log" || die "module_stems failed on $module"
touch "$out.done"
