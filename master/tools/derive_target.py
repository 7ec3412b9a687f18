#!/usr/bin/env python3
"""Derives groundwork's built-in neutral tonal target from mastered music (see docs/mastering-target.md).

Usage: derive_target.py OUT.json FILE... (any format ffmpeg decodes). Needs numpy and ffmpeg.
Per track: decode to 44.1 kHz stereo, cut into 8192-sample Hann frames (no overlap), rank the frames by
the K-weighted mid energy of the 3 s around them and keep the loudest 30 % (and any frame within 1 dB of them), sum mid and side energy into exact third-octave bands
25 Hz..16 kHz (a bin on a band edge counts by its share inside the band), express mid in dB relative to
the mean of the 200 Hz..5 kHz bands and side as dB relative to mid. The target is the median over tracks
(robust to one odd track), lightly smoothed across neighbouring bands; the spread (75th minus 25th
percentile over tracks) tells the planner how much each band varies between professional masters.
Same method as master/analysis/SpectrumAccumulator.java, so the curve compares like with like.
"""
import json, subprocess, sys
import numpy as np

FS, N = 44100, 8192
CENTRES = np.array([1000 * 2 ** (k / 3) for k in range(-16, 13)])


def decode(path):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "f32le", "-ac", "2", "-ar", str(FS), "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").reshape(-1, 2)


def band_weights():
    """bands x bins: the share of each bin [k-1/2, k+1/2]·bin_hz inside each band (DC and Nyquist bins excluded)."""
    bin_hz = FS / N
    k = np.arange(N // 2 + 1)
    w = np.zeros((len(CENTRES), len(k)))
    for i, c in enumerate(CENTRES):
        lo, hi = c * 2 ** (-1 / 6), c * 2 ** (1 / 6)
        w[i] = np.clip(np.minimum(hi, (k + 0.5) * bin_hz) - np.maximum(lo, (k - 0.5) * bin_hz), 0, None) / bin_hz
    w[:, 0] = 0
    w[:, -1] = 0
    return w


def k_weighting(f):
    """BS.1770 K-weighting power gain (48 kHz reference biquads)."""
    z = np.exp(-1j * 2 * np.pi * f / 48000)
    h = lambda b, a: (b[0] + b[1] * z + b[2] * z * z) / (1 + a[0] * z + a[1] * z * z)
    return np.abs(h([1.53512486, -2.69169619, 1.19839281], [-1.69065929, 0.73248077])
                  * h([1, -2, 1], [-1.99004745, 0.99007225])) ** 2


W, K = band_weights(), k_weighting(CENTRES)


def section_loudness(energy, frame_s):
    """Mean K-weighted energy over about 3 s around each frame (BS.1770 short-term): ranking single frames would
    favour frames where a thinly resolved bass band happens to read high, and bias the bass up."""
    h = max(0, int(round(1.5 / frame_s)))
    c = np.concatenate([[0], np.cumsum(energy)])
    i = np.arange(len(energy))
    lo, hi = np.maximum(0, i - h), np.minimum(len(energy), i + h + 1)
    return (c[hi] - c[lo]) / (hi - lo)


def profile(x):
    frames = len(x) // N
    if frames < 4:
        return None
    x = x[: frames * N].reshape(frames, N, 2)
    mid, side = (x[..., 0] + x[..., 1]) / 2, (x[..., 0] - x[..., 1]) / 2
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / N)
    bm = (np.abs(np.fft.rfft(mid * win, axis=1)) ** 2) @ W.T  # frames x bands
    bs = (np.abs(np.fft.rfft(side * win, axis=1)) ** 2) @ W.T
    sect = section_loudness(bm @ K, N / FS)
    order = np.argsort(-sect, kind="stable")
    take = max(1, int(np.ceil(frames * 0.3)))
    # every frame within 1 dB of the loudest 30 % too (stable on material of nearly constant loudness)
    take = max(take, int((sect >= sect[order[take - 1]] * 10 ** -0.1).sum()))
    loud = order[:take]
    m, s = bm[loud].sum(0), bs[loud].sum(0)
    mid_db = 10 * np.log10(np.maximum(m, 1e-30))
    side_db = 10 * np.log10(np.maximum(s, 1e-30)) - mid_db
    ref = mid_db[(CENTRES >= 200) & (CENTRES <= 5000)].mean()
    return np.maximum(mid_db - ref, -80), np.clip(side_db, -80, 20)


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
    spread = np.percentile(mids, 75, 0) - np.percentile(mids, 25, 0)
    k = np.array([0.25, 0.5, 0.25])
    smooth = lambda v: np.concatenate([[v[0]], np.convolve(v, k, mode="valid"), [v[-1]]])
    mid, side, spread = smooth(mid), smooth(side), smooth(spread)
    r = lambda v: [round(float(x), 2) for x in v]
    json.dump({"band_hz": [round(c, 3) for c in CENTRES], "mid_db": r(mid), "side_minus_mid_db": r(side),
               "mid_spread_db": r(spread), "tracks": len(used)}, open(out, "w"), indent=1)
    print(f"{len(used)} tracks -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
