# Variant: the target and the stems' spectra summed into three broad regions (below 200 Hz, 200 Hz-2.5 kHz, above 2.5 kHz, 40 Hz-12.5 kHz in all)
import sim, numpy as np
hz = np.array([25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000])
regions = [(40, 160), (200, 2000), (2500, 12500)]
M = np.array([[(lo <= h <= hi) for h in hz] for lo, hi in regions], float)
T = 10 * np.log10(M @ 10 ** (sim.TARGET / 10))
songs = [(n, C, bp @ M.T, k, r) for n, C, bp, k, r in sim.load()]
sim.TARGET = T
w = np.ones(3) / 3
lams = [np.inf, 3, 1, 0.3, 0.1, 0.03, 0.01]
rows = {}
for lam in lams:
    err = sim.errors(songs, lam, 3, w); r = sim.mae_by_family(err); rows[lam] = err
    print(f'coarse cap3 lam={lam}: all {r["all"]:.3f} gm {r["gm"]:.3f} mod {r["mod"]:.3f} lmms {r["lmms"]:.3f} beats {r["beats"]:.3f}', flush=True)
held = []
for f in ['gm', 'mod', 'lmms']:
    o = [g for g in ['gm', 'mod', 'lmms'] if g != f]
    pooled = lambda lam: np.abs(np.concatenate([v for k, v in rows[lam].items() if sim.family(k) in o])).mean()
    b = min(lams, key=pooled); v = np.concatenate([v for k, v in rows[b].items() if sim.family(k) == f]); held.append(v)
    print(f'  held out {f}: lam {b} -> {np.abs(v).mean():.3f}')
print(f'  held out all: {np.abs(np.concatenate(held)).mean():.3f}')
