#!/usr/bin/env python3
"""Derives groundwork's built-in neutral tonal target from mastered music (see docs/mastering-target.md).

Usage: derive_target.py OUT.json FILE... (any format ffmpeg decodes). Needs numpy and ffmpeg.
Per track: decode to 44.1 kHz stereo, cut into 8192-sample Hann frames (no overlap), take the loudest
30 % of frames by mid energy, sum mid and side energy into third-octave bands 25 Hz..16 kHz, express mid
in dB relative to the mean of the 200 Hz..5 kHz bands and side as dB relative to mid. The target is the
median over tracks (robust to one odd track), lightly smoothed across neighbouring bands.
Same method as master/analysis/SpectrumAccumulator.java, so the curve compares like with like.
"""
import json, subprocess, sys
import numpy as np

FS, N = 44100, 8192
CENTRES = [1000 * 2 ** (k / 3) for k in range(-16, 13)]


def decode(path):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "f32le", "-ac", "2", "-ar", str(FS), "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").reshape(-1, 2)


def profile(x):
    frames = len(x) // N
    if frames < 4:
        return None
    x = x[: frames * N].reshape(frames, N, 2)
    mid, side = (x[..., 0] + x[..., 1]) / 2, (x[..., 0] - x[..., 1]) / 2
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / N)
    pm = np.abs(np.fft.rfft(mid * win, axis=1)) ** 2
    ps = np.abs(np.fft.rfft(side * win, axis=1)) ** 2
    bin_hz = FS / N
    bands_m, bands_s = [], []
    for c in CENTRES:
        lo = max(1, int(round(c * 2 ** (-1 / 6) / bin_hz)))
        hi = min(N // 2 - 1, max(lo, int(round(c * 2 ** (1 / 6) / bin_hz)) - 1))
        bands_m.append(pm[:, lo:hi + 1].sum(1))
        bands_s.append(ps[:, lo:hi + 1].sum(1))
    bm, bs = np.array(bands_m).T, np.array(bands_s).T  # frames x bands
    total = bm.sum(1)
    take = max(1, int(np.ceil(frames * 0.3)))
    loud = np.argsort(-total)[:take]
    m, s = bm[loud].sum(0), bs[loud].sum(0)
    mid_db = 10 * np.log10(np.maximum(m, 1e-30))
    side_db = 10 * np.log10(np.maximum(s, 1e-30)) - mid_db
    ref = mid_db[[i for i, c in enumerate(CENTRES) if 200 <= c <= 5000]].mean()
    return mid_db - ref, np.clip(side_db, -80, 20)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    mids, sides, used = [], [], []
    for f in files:
        p = profile(decode(f))
        if p is None:
            continue
        mids.append(p[0]); sides.append(p[1]); used.append(f)
        print(f"{f}: 60 Hz {p[0][8]:+.1f} dB, 10 kHz {p[0][26]:+.1f} dB, side@1k {p[1][16]:+.1f} dB", file=sys.stderr)
    mid, side = np.median(mids, 0), np.median(sides, 0)
    k = np.array([0.25, 0.5, 0.25])
    smooth = lambda v: np.concatenate([[v[0]], np.convolve(v, k, mode="valid"), [v[-1]]])
    mid, side = smooth(mid), smooth(side)
    json.dump({"band_hz": [round(c, 3) for c in CENTRES], "mid_db": [round(float(v), 2) for v in mid],
               "side_minus_mid_db": [round(float(v), 2) for v in side],
               "tracks": len(used)}, open(out, "w"), indent=1)
    print(f"{len(used)} tracks -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
