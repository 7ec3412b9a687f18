#!/usr/bin/env bash
# render-lmms-stems.sh PROJECT.mmp[z] OUT_DIR SECONDS: renders an LMMS project once per instrument or sample track
# with LMMS's command-line renderer, each from a copy of the project with every other track muted (so the track
# keeps the volume, pan, instrument effects and effect-mixer channel the producer set), and once whole; in every
# copy the song editor's clips are cut 2 s after SECONDS (LMMS has no length option). Then cuts the renders at
# SECONDS into OUT_DIR/tNN-TRACK-NAME.wav (stereo 44.1 kHz float; NN is the track's place in the project; tracks
# muted in the project or silent in that time are left out) and writes OUT_DIR.log with how closely the stems add
# up to the full render (bench/c/lmms_stems.c). LMMS's own `rendertracks` is not used: in 1.2.2 its stems do not
# add up to the full render (see LmmsSoloProjects.java).
. "$(dirname "$0")/lib.sh"
project="$1"; out="$2"; seconds="$3"
need_packages lmms lmms-common libsndfile1-dev gcc
tool="$WORK/bin/lmms_stems"
src="$BENCH_DIR/c/lmms_stems.c"
if [ ! -x "$tool" ] || [ "$src" -nt "$tool" ] || [ "$BENCH_DIR/c/stereo_wav.h" -nt "$tool" ]; then
  gcc -O2 -o "$tool" "$src" -lsndfile -lm || die "could not build $src against libsndfile"
fi
[ -f "$out.done" ] && exit 0
raw="$out.lmms"
rm -rf "$out" "$raw"; mkdir -p "$out" "$raw/tracks"
as_root=(); [ "$(id -u)" = 0 ] && as_root=(--allowroot)   # LMMS refuses to start as root without it
# lmms_render PROJECT WAV: no display is needed (offscreen Qt).
lmms_render() {
  QT_QPA_PLATFORM=offscreen lmms "${as_root[@]}" render "$1" --float --format wav --samplerate 44100 --output "$2" \
    >>"$raw/lmms.log" 2>&1 || die "lmms could not render $1 (from $project); see $raw/lmms.log"
}
java -jar "$BENCH_JAR" lmms-solo "$project" "$raw/solo" "$seconds" >"$raw/tracks.txt"
grep '^#' "$raw/tracks.txt" >"$out.log" || true
while IFS=$'\t' read -r number name; do
  lmms_render "$raw/solo/$number.mmp" "$raw/tracks/${number}_${name//\//-}.wav"
done < <(grep -v '^#' "$raw/tracks.txt")
lmms_render "$raw/solo/full.mmp" "$raw/full.wav"
"$tool" "$raw/tracks" "$raw/full.wav" "$out" "$seconds" >>"$out.log" || die "lmms_stems failed on $project"
rm -rf "$raw"   # whole-song float renders of every track: gigabytes, not needed once cut
touch "$out.done"
