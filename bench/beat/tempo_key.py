#!/usr/bin/env python3
"""Acceptance benchmark for `groundwork beat`: does the rendered audio have the tempo and key asked for?

Tempo: Debian's aubio (`aubio beat -H 128`, beat times -> 60 / median inter-beat interval; aubio's own
`aubio tempo` mean is printed beside it). Half or double passes only where groundwork itself says the genre is
felt at half time (`half_time_feel` in `beat --json`: trap, UK drill, drum and bass); every other genre must be
read at its written tempo.
Key: Essentia's KeyExtractor (essentia.js from npm, run by key.js), an independent detector. Dorian and
phrygian count as their minor tonic, lydian and mixolydian as their major tonic (the detector knows
only major/minor).

Needs: aubio-tools (apt), node + `npm install` in this folder, the groundwork jar (./groundwork builds it).
Usage: bench/beat/tempo_key.py [--seeds N]    -> a markdown table on stdout, summary last.
"""
import json, os, re, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JAR = os.path.join(ROOT, "cli", "target", "groundwork.jar")
NAMES = {"C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6, "G": 7, "G#": 8, "Ab": 8,
         "A": 9, "A#": 10, "Bb": 10, "B": 11}

PROMPTS = [
    "dark trap, 140 bpm, F minor", "trap 150 bpm C# minor", "trap 135 bpm A minor with piano",
    "uk drill 142 bpm F# minor", "uk drill 140 bpm D minor",
    "boom bap 90 bpm D minor", "boom bap 88 bpm Eb major", "boom bap 92 bpm G minor",
    "house 124 bpm A minor", "house 122 bpm F major", "deep house 120 bpm C minor",
    "chill lo-fi 80 bpm A dorian", "lo-fi 75 bpm E minor", "lo-fi 85 bpm Db major",
    "reggaeton 95 bpm G minor", "reggaeton 92 bpm C major",
    "afrobeats 105 bpm Bb minor", "happy afrobeats 110 bpm D major",
    "techno 130 bpm E minor", "techno 128 bpm G minor",
    "drum and bass 174 bpm D minor", "drum and bass 170 bpm B minor",
    "r&b 72 bpm Db major", "smooth r&b 80 bpm F minor",
]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def tempo(wav):
    beats = [float(x) for x in run(["aubio", "beat", "-H", "128", wav]).split()]
    ioi = [b - a for a, b in zip(beats, beats[1:]) if b > a]
    median = 60 / statistics.median(ioi) if ioi else float("nan")
    own = run(["aubio", "tempo", wav]).strip().splitlines()[-1]
    return median, own


def key_of(wav):
    out = run(["node", os.path.join(HERE, "key.js"), wav]).split()
    return out[0], out[1], float(out[2])


def expected_key(key):
    tonic, mode = key.split()
    major = mode in ("major", "lydian", "mixolydian")
    return NAMES[tonic], "major" if major else "minor"


def main():
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 1
    rows, tempo_ok, tempo_exact, key_ok, relative, n = [], 0, 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, prompt in enumerate(PROMPTS):
            for seed in range(1, seeds + 1):
                d = os.path.join(tmp, f"b{i}_{seed}")
                info = json.loads(run(["java", "-jar", JAR, "beat", prompt, "-o", d, "--seed", str(seed), "--json"]))
                beat = info["beats"][0]
                wav = os.path.join(d, "beat.wav")
                asked = beat["tempo_bpm"]
                measured, own = tempo(wav)
                half_time = beat["half_time_feel"]
                ratios = [1.0, 0.5, 2.0] if half_time else [1.0]
                err = min(abs(measured / (asked * r) - 1) for r in ratios)
                t_ok = err <= 0.02
                at_written = abs(measured / asked - 1) <= 0.02
                k_tonic, k_mode, strength = key_of(wav)
                want_pc, want_mode = expected_key(beat["key"])
                got_pc = NAMES[k_tonic]
                k_ok = got_pc == want_pc and k_mode == want_mode
                rel = (not k_ok) and ((want_mode == "minor" and k_mode == "major" and got_pc == (want_pc + 3) % 12)
                                      or (want_mode == "major" and k_mode == "minor" and got_pc == (want_pc + 9) % 12))
                n += 1
                tempo_ok += t_ok
                tempo_exact += at_written
                key_ok += k_ok
                relative += rel
                rows.append(f"| {prompt} | {seed} | {asked:g} | {measured:.1f} | {own} | {('yes' if at_written else 'half-time') if t_ok else 'NO'} | {beat['key']} | "
                             f"{k_tonic} {k_mode} ({strength:.2f}) | {'yes' if k_ok else ('relative' if rel else 'NO')} |")
                print(rows[-1], file=sys.stderr, flush=True)
    print("| prompt | seed | asked BPM | aubio BPM (median beat interval) | aubio tempo (mean) | tempo within 2 % (half-time: at half/double) | asked key | Essentia key (strength) | key hit |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print(f"tempo within 2 % (half/double only for half-time-feel genres): {tempo_ok}/{n} = {100 * tempo_ok / n:.0f} %")
    print(f"tempo within 2 % of the written tempo itself: {tempo_exact}/{n} = {100 * tempo_exact / n:.0f} %")
    print(f"key read as asked by Essentia: {key_ok}/{n} = {100 * key_ok / n:.0f} % (relative major/minor confusions: {relative})")


if __name__ == "__main__":
    main()
