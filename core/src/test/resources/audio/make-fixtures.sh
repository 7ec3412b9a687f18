#!/usr/bin/env bash
# Regenerates the tiny encoded fixtures the audio tests decode. The tests know the signal analytically:
# 0.1 s of silence, then a sine at amplitude 0.5 starting at phase 0 (left 1000 Hz, right 1500 Hz).
# Needs Debian packages: ffmpeg flac lame vorbis-tools  (apt-get install -y ffmpeg flac lame vorbis-tools)
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sine() { # rate seconds channels -> expression for ffmpeg's aevalsrc (integer conversion rounds, no dither)
  local r=$1 d=$2 s=$(( $1 / 10 ))
  local l="if(gte(n\,$s)\,0.5*sin(2*PI*1000*(n-$s)/$r)\,0)" rr="if(gte(n\,$s)\,0.5*sin(2*PI*1500*(n-$s)/$r)\,0)"
  if [ "$3" = 2 ]; then echo "aevalsrc=$l|$rr:s=$r:d=$d"; else echo "aevalsrc=$l:s=$r:d=$d"; fi
}
ffmpeg -v error -f lavfi -i "$(sine 44100 0.5 2)" -c:a pcm_s16le -y "$tmp/s16.wav"
ffmpeg -v error -f lavfi -i "$(sine 48000 0.3 2)" -c:a pcm_s24le -y "$tmp/s24.wav"
ffmpeg -v error -f lavfi -i "$(sine 44100 1.0 1)" -c:a pcm_s16le -y "$tmp/m16.wav"
ffmpeg -v error -f lavfi -i "$(sine 48000 0.5 2)" -c:a pcm_s16le -y "$tmp/s48.wav"
ffmpeg -v error -f lavfi -i "$(sine 22050 1.0 1)" -c:a pcm_s16le -y "$tmp/m22.wav"
ffmpeg -v error -f lavfi -i "$(sine 48000 3.0 2)" -c:a pcm_s16le -y "$tmp/s48-3s.wav"
flac -s -f --best -o sine-stereo16-44k.flac "$tmp/s16.wav"
flac -s -f --best -o sine-stereo24-48k.flac "$tmp/s24.wav"
lame --silent -b 128 "$tmp/m16.wav" sine-mono-44k.mp3
lame --silent -V 2 "$tmp/s48.wav" sine-stereo-48k-vbr.mp3     # MPEG-1, joint stereo, VBR
lame --silent -b 64 "$tmp/m22.wav" sine-mono-22k.mp3           # MPEG-2: 576 samples per frame
oggenc -Q -q 4 -o sine-mono-44k.ogg "$tmp/m16.wav"
# > 16 KB and 9 pages, so pages straddle the reader's read-chunk boundary (the lost-page-sync regression)
oggenc -Q -q 10 -o sine-stereo-48k-3s.ogg "$tmp/s48-3s.wav"
ls -l
