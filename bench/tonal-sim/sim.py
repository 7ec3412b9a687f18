# Re-grades the shared run's processed stems with the tonal-balance offsets applied, per family, over a grid of
# strengths, and leave-one-family-out.
import sys, os, json, numpy as np

CACHE = os.environ.get('TONAL_CACHE', '/tmp/tonal-cache')
T = json.load(open(os.path.join(os.path.dirname(__file__), '../../master/src/main/resources/dev/groundwork/master/neutral-target.json')))
TARGET = np.array(T['mid_db']); SPREAD = np.array(T['mid_spread_db'])

def family(song):
    s = song.split('-')[0]
    return {'blupi': 'gm', 'openmsx': 'gm', 'pingus': 'mod', 'tecnoballz': 'mod', 'lmms': 'lmms'}.get(s, 'beats')

def integrated(E):
    # E: per 100 ms sub-block energy (channels summed); 400 ms blocks, complete windows only
    if len(E) < 4: return -np.inf
    B = (E[:-3] + E[1:-2] + E[2:-1] + E[3:]) / 4
    with np.errstate(divide='ignore'):
        L = -0.691 + 10 * np.log10(B)
    a = B[L > -70]
    if len(a) == 0: return -np.inf
    thr = -0.691 + 10 * np.log10(a.mean()) - 10
    g = B[L > thr]
    return -0.691 + 10 * np.log10(g.mean())

def relative(C, gains):
    amp = 10 ** (gains / 20)
    total = integrated(np.einsum('kij,i,j->k', C, amp, amp))
    own = np.array([integrated(C[:, i, i] * amp[i] ** 2) for i in range(len(gains))])
    return own - total

def weights(lo, hi, kind):
    hz = np.array([25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
                   1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000])
    w = (1 / SPREAD ** 2) if kind == 'spread' else np.ones(len(hz))
    w = w * ((hz >= lo) & (hz <= hi))
    return w / w.sum()

def tonal_offsets(bp, lam, cap, w, iters=8):
    """Gain offsets (dB) pulling the stems' summed band spectrum toward the target, ridge lam, each within ±cap."""
    n = len(bp)
    live = bp.sum(1) > 0
    d = np.zeros(n)
    if lam == np.inf or live.sum() < 2: return d
    P = np.maximum(bp, 1e-30)
    sw = np.sqrt(w)
    for _ in range(iters):
        Pd = P * (10 ** (d / 10))[:, None] * live[:, None]
        S = Pd.sum(0)
        Sdb = 10 * np.log10(np.maximum(S, 1e-30))
        share = Pd / np.maximum(S, 1e-30)
        # residual per band r_b = Sdb - T - c, linearised in the moves (d Sdb / d d_i = stem i's share of band b)
        r = Sdb - TARGET
        J = np.hstack([share.T, -np.ones((len(S), 1))]) * sw[:, None]
        rhs = -r * sw
        R = np.zeros((n, n + 1)); R[np.arange(n), np.arange(n)] = np.sqrt(lam)
        A = np.vstack([J, R]); y = np.concatenate([rhs, -np.sqrt(lam) * d])
        # c (the curve's level, free: only the shape counts) is re-solved from zero at each Gauss-Newton step
        x, *_ = np.linalg.lstsq(A, y, rcond=None)
        d = np.clip(d + x[:n], -cap, cap) * live
    return d

def load():
    songs = []
    for f in sorted(os.listdir(CACHE)):
        z = np.load(os.path.join(CACHE, f))
        songs.append((f[:-4], z['C'], z['bp'], z['knownRel'], z['roles']))
    return songs

def errors(songs, lam, cap, w):
    out = {}
    for name, C, bp, known, roles in songs:
        d = tonal_offsets(bp, lam, cap, w)
        rel = relative(C, d)
        m = known > -93
        out[name] = (rel - known)[m]
    return out

def mae_by_family(err):
    fam = {}
    for k, v in err.items():
        fam.setdefault(family(k), []).append(v)
    res = {f: np.abs(np.concatenate(v)).mean() for f, v in fam.items()}
    allv = np.concatenate([v for k, v in err.items() if family(k) != 'beats'])
    res['all'] = np.abs(allv).mean()
    res['n'] = {f: len(np.concatenate(v)) for f, v in fam.items()}
    return res
