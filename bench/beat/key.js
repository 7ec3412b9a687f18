// Independent key detector for the beat benchmark: Essentia's KeyExtractor (essentia.js, npm),
// run on a 16/24-bit or float WAV. Prints "TONIC MODE STRENGTH", e.g. "F minor 0.71".
// Usage: node key.js FILE.wav   (npm install essentia.js@0.1.3 in this folder first)
const fs = require('fs');
const { Essentia, EssentiaWASM } = require('essentia.js');

function readWav(path) {
  const b = fs.readFileSync(path);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV: ' + path);
  let pos = 12, fmt = null, data = null;
  while (pos + 8 <= b.length) {
    const id = b.toString('ascii', pos, pos + 4), len = b.readUInt32LE(pos + 4);
    if (id === 'fmt ') fmt = { tag: b.readUInt16LE(pos + 8), ch: b.readUInt16LE(pos + 10), rate: b.readUInt32LE(pos + 12), bits: b.readUInt16LE(pos + 22) };
    if (id === 'data') data = b.subarray(pos + 8, pos + 8 + len);
    pos += 8 + len + (len & 1);
  }
  const bytes = fmt.bits / 8, frames = Math.floor(data.length / (bytes * fmt.ch));
  const mono = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let s = 0;
    for (let c = 0; c < fmt.ch; c++) {
      const o = (i * fmt.ch + c) * bytes;
      if (fmt.bits === 16) s += data.readInt16LE(o) / 32768;
      else if (fmt.bits === 24) s += data.readIntLE(o, 3) / 8388608;
      else s += data.readFloatLE(o);
    }
    mono[i] = s / fmt.ch;
  }
  return { mono, rate: fmt.rate };
}

const { mono, rate } = readWav(process.argv[2]);
const essentia = new Essentia(EssentiaWASM);
const r = essentia.KeyExtractor(essentia.arrayToVector(mono), true, 4096, 4096, 12, 3500, 60, 25, 0.2, 'bgate', rate);
console.log(`${r.key} ${r.scale} ${r.strength.toFixed(2)}`);
