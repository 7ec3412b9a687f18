#!/usr/bin/env bash
# Prepares the benchmark material in bench/work/music from music shipped in Debian packages:
#   song-5min.wav       300 s, stereo, 44.1 kHz, 16-bit  (Warzone 2100 soundtrack, legacy track 6)
#   long-20min.wav     1200 s, stereo, 44.1 kHz, 16-bit  (Warzone 2100 tracks back to back)
#   long-60min.wav     3600 s, stereo, 44.1 kHz, 16-bit
#   songs/*.wav         eight 120 s excerpts of varied style, loudness (-30 ... -6 LUFS),
#                       rate (44.1/48/96 kHz) and channels (mono/stereo): the mastering set
# The music is used only as benchmark material and is never committed (bench/work is ignored).
# Sources and licences: warzone2100-music (GPL-2+), nexuiz-music (GPL-2+), singularity-music (CC BY-SA).
. "$(dirname "$0")/lib.sh"

need_base_tools
need_packages warzone2100-music nexuiz-music singularity-music unzip
build_ebur128_bench

WZ=/usr/share/games/warzone2100/music/albums
SING=/usr/share/games/singularity/music
NEX="$WORK/src/nexuiz"
mkdir -p "$NEX" "$MUSIC/songs"
if [ ! -f "$NEX/sound/cdtracks/stairs.ogg" ]; then
  unzip -o -q /usr/share/games/nexuiz/data/music.pk3 'sound/cdtracks/*' -d "$NEX"
fi
NEX="$NEX/sound/cdtracks"

# to_wav IN OUT RATE CHANNELS CODEC [EXTRA_FFMPEG_ARGS...]: decode, resample with soxr, write WAV.
to_wav() {
  local in="$1" out="$2" rate="$3" ch="$4" codec="$5"; shift 5
  ffmpeg -nostdin -v error -y "$@" -i "$in" -af "aresample=$rate:resampler=soxr:precision=28" \
    -ac "$ch" -c:a "$codec" "$out.tmp.wav" && mv "$out.tmp.wav" "$out"
}

if [ ! -f "$MUSIC/song-5min.wav" ]; then
  log "preparing song-5min.wav"
  to_wav "$WZ/legacy_soundtrack/track6.opus" "$MUSIC/song-5min.wav" 44100 2 pcm_s16le -t 300
fi

# Long files: the Warzone 2100 albums back to back (about 4 h of music available).
long_file() {
  local out="$1" seconds="$2"
  [ -f "$out" ] && return 0
  log "preparing $(basename "$out") ($seconds s)"
  local list="$WORK/src/concat.txt"
  : >"$list"
  for f in "$WZ"/legacy_soundtrack/track{4,5,6,7,8,9,10,11,12,13,14,15,16}.opus "$WZ"/aftermath_soundtrack/track{17,18,19,20}.opus; do
    printf "file '%s'\n" "$f" >>"$list"
  done
  to_wav "$list" "$out" 44100 2 pcm_s16le -f concat -safe 0 -t "$seconds"
}
long_file "$MUSIC/long-20min.wav" 1200
long_file "$MUSIC/long-60min.wav" 3600

# song NAME SOURCE RATE CHANNELS TARGET_LUFS|asis: a 120 s excerpt from 20 s in, 24-bit, with a gain
# that brings it to TARGET (measured by libebur128); targets above -9 LUFS pass a limiter (as a
# loud master would), so the real loudness can land a little under the request.
song() {
  local name="$1" src="$2" rate="$3" ch="$4" target="$5"
  local out="$MUSIC/songs/$name.wav"
  [ -f "$out" ] && return 0
  log "preparing songs/$name.wav"
  local raw="$WORK/src/$name.raw.wav"
  to_wav "$src" "$raw" "$rate" "$ch" pcm_f32le -ss 20 -t 120
  if [ "$target" = asis ]; then
    ffmpeg -nostdin -v error -y -i "$raw" -c:a pcm_s24le "$out"
  else
    local now gain
    now="$(ebur128_json "$raw" | jq -r .integrated_lufs)"
    gain="$(calc "$target - ($now)")"
    if [ "$(echo "$target > -9" | bc)" = 1 ]; then
      # the limiter takes loudness away: raise the gain by what is missing, a few times
      local got try
      for try in 1 2 3; do
        ffmpeg -nostdin -v error -y -i "$raw" -af "volume=${gain}dB,alimiter=limit=0.95:attack=2:release=60:level=disabled" -c:a pcm_s24le "$out"
        got="$(ebur128_json "$out" | jq -r .integrated_lufs)"
        [ "$(echo "($target) - ($got) < 0.2" | bc)" = 1 ] && break
        gain="$(calc "$gain + ($target) - ($got)")"
      done
    else
      ffmpeg -nostdin -v error -y -i "$raw" -af "volume=${gain}dB" -c:a pcm_s24le "$out"
    fi
  fi
  rm -f "$raw"
}
song quiet-lights-44k-stereo      "$NEX/northern-lights.ogg"                  44100 2 -30
song dynamic-simulacra-48k-mono   "$SING/Advanced Simulacra.ogg"             48000 1 -24
song soft-subcities-48k-stereo    "$NEX/subcities.ogg"                        48000 2 asis
song orchestral-wz1-96k-stereo    "$WZ/original_soundtrack/track1.opus"       96000 2 asis
song ambient-journey-96k-mono     "$SING/A New Journey.ogg"                   96000 1 -18
song pop-pursuit-44k-stereo       "$NEX/digital-pursuit.ogg"                  44100 2 asis
song loud-desert-44k-stereo       "$NEX/desert3.ogg"                          44100 2 asis
song loudest-brokenlight-48k-stereo "$NEX/brokenlight.ogg"                    48000 2 -6

log "material ready in $MUSIC"
