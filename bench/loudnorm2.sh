#!/usr/bin/env bash
# ffmpeg's two-pass loudnorm, as its documentation recommends: measure, then normalise with the
# measured values (linear mode when possible). Usage: loudnorm2.sh IN OUT.wav [LUFS] [CEILING_DBTP]
# The output keeps the input's sample rate (loudnorm works at 192 kHz internally) and is 24-bit.
set -euo pipefail
in="$1"; out="$2"; I="${3:--14}"; TP="${4:--1}"; LRA=11
rate=$(ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate -of csv=p=0 "$in")
m=$(ffmpeg -nostdin -hide_banner -nostats -i "$in" -af "loudnorm=I=$I:TP=$TP:LRA=$LRA:print_format=json" -f null - 2>&1 \
  | sed -n '/^{/,/^}/p')
v() { jq -r ".$1" <<<"$m"; }
ffmpeg -nostdin -v error -y -i "$in" -af "loudnorm=I=$I:TP=$TP:LRA=$LRA:measured_I=$(v input_i):measured_TP=$(v input_tp):measured_LRA=$(v input_lra):measured_thresh=$(v input_thresh):offset=$(v target_offset):linear=true" \
  -ar "$rate" -c:a pcm_s24le "$out"
