# Per song: K-weighted cross energies per 100 ms sub-block of the processed automix stems (for exact re-grading
# with gain offsets) and each stem's long-term third-octave mid power (the tonal-balance term's input).
import sys, os, json, numpy as np
import scipy.io.wavfile as wf
from scipy.signal import lfilter

ACC = os.path.join(os.environ.get('BENCH_WORK', 'bench/work'), 'mix-accuracy')
OUT = os.environ.get('TONAL_CACHE', '/tmp/tonal-cache')
CENTRES = [25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
           1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000]

def kcoef(fs):
    F0 = 1681.974450955533; G = 3.999843853973347; Q = 0.7071752369554196; VB = 0.4996667741545416
    k = np.tan(np.pi * F0 / fs); vh = 10 ** (G / 20); vb = vh ** VB; a0 = 1 + k / Q + k * k
    b = np.array([(vh + vb * k / Q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / Q + k * k) / a0])
    a = np.array([1, 2 * (k * k - 1) / a0, (1 - k / Q + k * k) / a0])
    F1 = 38.13547087602444; Q1 = 0.5003270373238773
    k = np.tan(np.pi * F1 / fs); a0 = 1 + k / Q1 + k * k
    return (b, a), (np.array([1.0, -2, 1]), np.array([1, 2 * (k * k - 1) / a0, (1 - k / Q1 + k * k) / a0]))

def read(p):
    r, x = wf.read(p)
    x = x.astype(np.float64)
    if x.ndim == 1: x = np.stack([x, x], 1)
    return r, x

def band_power(mid, fs, n=16384):
    frames = len(mid) // n
    if frames == 0: return np.zeros(len(CENTRES))
    win = np.hanning(n)
    spec = np.zeros(n // 2 + 1)
    for f in range(frames):
        spec += np.abs(np.fft.rfft(mid[f * n:(f + 1) * n] * win)) ** 2
    spec /= frames
    hz = np.fft.rfftfreq(n, 1 / fs)
    e = 2 ** (1 / 6)
    return np.array([spec[(hz >= c / e) & (hz < c * e)].sum() for c in CENTRES])

def prep(song):
    d = os.path.join(ACC, song)
    known = sorted(f for f in os.listdir(os.path.join(d, 'known')) if f.lower().endswith('.wav'))
    base = json.load(open(os.path.join(d, 'baselines.json')))
    knownRel = [(-np.inf if v is None else v) for v in base['known']]
    plan = json.load(open(os.path.join(d, 'automix-plan.json')))
    roles = {s['file']: s.get('role', '?') for s in plan['stems']}
    ys = []; bp = []; fs = None
    for k in known:
        fs, x = read(os.path.join(d, 'automix-stems', k))
        (b1, a1), (b2, a2) = kcoef(fs)
        y = lfilter(b2, a2, lfilter(b1, a1, x, axis=0), axis=0)
        ys.append(y)
        bp.append(band_power((x[:, 0] + x[:, 1]) / 2, fs))
    L = max(len(y) for y in ys)
    step = int(round(0.1 * fs))
    nsub = L // step
    n = len(ys)
    C = np.zeros((nsub, n, n))
    pad = [np.pad(y, ((0, L - len(y)), (0, 0)))[:nsub * step] for y in ys]
    for i in range(n):
        for j in range(i, n):
            v = (pad[i] * pad[j]).sum(1).reshape(nsub, step).sum(1) / step
            C[:, i, j] = v; C[:, j, i] = v
    np.savez(os.path.join(OUT, song + '.npz'), C=C, bp=np.array(bp), knownRel=np.array(knownRel),
             roles=np.array([roles.get(k, '?') for k in known]), names=np.array(known))

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for s in sys.argv[1:]:
        if not os.path.exists(os.path.join(OUT, s + '.npz')):
            prep(s); print('done', s, flush=True)
