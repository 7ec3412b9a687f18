# Premise check: is the sum of the stems closer to the tonal target at the known mix's levels than at automix's?
# (the processed stems' spectra, moved by each stem's known-minus-automix level; the scramble's EQ bells stay in)
import sim, numpy as np
w = sim.weights(40, 12500, 'spread')
def dist(bp, d):
    S = 10 * np.log10(np.maximum((bp * (10 ** (d / 10))[:, None]).sum(0), 1e-30))
    r = S - sim.TARGET; c = (w * r).sum()
    return np.sqrt((w * (r - c) ** 2).sum())
res = {}
for n, C, bp, known, roles in sim.load():
    m = known > -93
    auto = sim.relative(C, np.zeros(len(known)))
    d = np.where(m, known - auto, -200.0)
    res.setdefault(sim.family(n), []).append((dist(bp[m], np.zeros(m.sum())), dist(bp[m], d[m]), dist(bp[m], sim.tonal_offsets(bp[m], 0.1, 3, w))))
for f, v in res.items():
    v = np.array(v)
    print(f, 'songs', len(v), 'weighted rms dB from target: automix %.2f, known levels %.2f, tonal lam 0.1 %.2f; songs where known is closer: %d' % (*v.mean(0), (v[:, 1] < v[:, 0]).sum()))
