import sim, numpy as np, sys, itertools
songs = sim.load()
lams = [np.inf, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003]
configs = [(40, 12500, 'spread', 3), (40, 12500, 'spread', 6), (63, 10000, 'uniform', 3)]
fams = ['gm', 'mod', 'lmms']
for lo, hi, kind, cap in configs:
    w = sim.weights(lo, hi, kind)
    rows = {}
    for lam in lams:
        err = sim.errors(songs, lam, cap, w)
        r = sim.mae_by_family(err)
        rows[lam] = (r, err)
        print(f'{lo}-{hi} {kind} cap{cap} lam={lam}: all {r["all"]:.3f} gm {r["gm"]:.3f} mod {r["mod"]:.3f} lmms {r["lmms"]:.3f} beats {r.get("beats", float("nan")):.3f}', flush=True)
    # leave one family out: lam chosen on the pooled stems of the other two
    held = []
    for f in fams:
        others = [g for g in fams if g != f]
        def pooled(lam):
            err = rows[lam][1]
            return np.abs(np.concatenate([v for k, v in err.items() if sim.family(k) in others])).mean()
        best = min(lams, key=pooled)
        err = rows[best][1]
        v = np.concatenate([v for k, v in err.items() if sim.family(k) == f])
        held.append(v)
        print(f'  held out {f}: lam {best} -> {np.abs(v).mean():.3f} (in-sample best on others {pooled(best):.3f})')
    print(f'  held out all: {np.abs(np.concatenate(held)).mean():.3f}', flush=True)
