// Canvas drawings: waveform, loudness over time, spectrum, drum step grid, piano roll.
'use strict';
(function () {
  const C = GW.chart = {};
  const css = n => getComputedStyle(document.documentElement).getPropertyValue(n).trim();

  // Sizes the canvas for the screen's pixel ratio and returns a context in CSS pixels.
  C.prepare = function (canvas, height) {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || canvas.parentElement.clientWidth || 600;
    canvas.style.height = height + 'px';
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, height);
    return { g, w, h: height };
  };

  function gridLines(g, w, h, ys, fmt) {
    g.strokeStyle = css('--line'); g.lineWidth = 1; g.fillStyle = css('--muted'); g.font = '10px ' + css('--mono');
    for (const [y, label] of ys) {
      g.beginPath(); g.moveTo(0, y + .5); g.lineTo(w, y + .5); g.stroke();
      if (label !== undefined) g.fillText(fmt ? fmt(label) : label, 4, y - 3);
    }
  }

  function playhead(g, w, h, frac) {
    if (frac === undefined || frac === null || !isFinite(frac)) return;
    const x = Math.round(frac * w) + .5;
    g.strokeStyle = '#fff'; g.lineWidth = 1.5; g.beginPath(); g.moveTo(x, 0); g.lineTo(x, h); g.stroke();
  }

  C.waveform = function (canvas, peaks, opt) {
    opt = opt || {};
    const { g, w, h } = C.prepare(canvas, opt.height || 110);
    const mid = h / 2;
    gridLines(g, w, h, [[mid]]);
    // the heard version in colour, the original drawn over it in translucent grey so both stay visible
    const layers = opt.under ? [[peaks, opt.color || css('--accent')], [opt.under, 'rgba(220,225,235,.38)']] : [[peaks, opt.color || css('--accent')]];
    for (const [p, color] of layers) {
      if (!p) continue;
      const cols = p.length / 2;
      g.fillStyle = color;
      for (let x = 0; x < w; x++) {
        const i = Math.min(cols - 1, Math.floor(x * cols / w));
        const lo = p[2 * i], hi = p[2 * i + 1];
        const y0 = mid - hi * mid * .95, y1 = mid - lo * mid * .95;
        g.fillRect(x, y0, 1, Math.max(1, y1 - y0));
      }
    }
    playhead(g, w, h, opt.playhead);
  };

  // curves: [{values (LUFS every 100 ms, null = silence), color, label}]
  C.loudness = function (canvas, curves, opt) {
    opt = opt || {};
    const { g, w, h } = C.prepare(canvas, opt.height || 120);
    const lo = -40, hi = 0;
    const y = v => h - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * h;
    gridLines(g, w, h, [-6, -12, -18, -24, -30, -36].map(v => [y(v), v]), v => v + ' LUFS');
    if (opt.target !== undefined && opt.target !== null) {
      g.setLineDash([4, 4]); g.strokeStyle = css('--accent2'); g.beginPath(); g.moveTo(0, y(opt.target)); g.lineTo(w, y(opt.target)); g.stroke(); g.setLineDash([]);
    }
    const longest = Math.max(1, ...curves.map(c => c.values ? c.values.length : 0));
    for (const c of curves) {
      if (!c.values) continue;
      g.strokeStyle = c.color; g.lineWidth = 1.6; g.beginPath();
      let pen = false;
      c.values.forEach((v, i) => {
        const x = i / longest * w;
        if (v === null || v < lo - 20) { pen = false; return; }
        pen ? g.lineTo(x, y(v)) : g.moveTo(x, y(v)); pen = true;
      });
      g.stroke();
    }
    playhead(g, w, h, opt.playhead);
  };

  // series: [{db, color}] over shared band centres in Hz
  C.spectrum = function (canvas, freqs, series, opt) {
    opt = opt || {};
    const { g, w, h } = C.prepare(canvas, opt.height || 140);
    if (!freqs || !freqs.length) return;
    const fx = f => Math.log(f / 20) / Math.log(20000 / 20) * w;
    const lo = -84;
    const y = v => h - (Math.max(lo, Math.min(0, v)) - lo) / -lo * (h - 8);
    gridLines(g, w, h, [-12, -24, -36, -48, -60, -72].map(v => [y(v), v]), v => v + ' dB');
    g.fillStyle = css('--muted'); g.font = '10px ' + css('--mono');
    for (const f of [50, 100, 200, 500, 1000, 2000, 5000, 10000]) {
      g.fillText(f >= 1000 ? f / 1000 + 'k' : f, fx(f) + 2, h - 3);
      g.strokeStyle = 'rgba(255,255,255,.04)'; g.beginPath(); g.moveTo(fx(f), 0); g.lineTo(fx(f), h); g.stroke();
    }
    for (const s of series) {
      if (!s.db) continue;
      g.strokeStyle = s.color; g.lineWidth = 1.8; g.beginPath();
      let pen = false;
      s.db.forEach((v, i) => { const x = fx(freqs[i]); if (v === null) { pen = false; return; } pen ? g.lineTo(x, y(v)) : g.moveTo(x, y(v)); pen = true; });
      g.stroke();
      if (s.fill) { g.lineTo(w, h); g.lineTo(0, h); g.closePath(); g.fillStyle = s.fill; g.fill(); }
    }
  };

  const laneColors = ['#4fd1c5', '#f6ad55', '#63b3ed', '#b794f4', '#68d391', '#fc8181', '#f687b3', '#faf089'];

  // lanes: [{name, hits:[{step, velocity}]}], 16 steps per bar
  C.stepGrid = function (canvas, lanes, bars, opt) {
    opt = opt || {};
    const rowH = 22, labelW = 84;
    const { g, w, h } = C.prepare(canvas, Math.max(60, lanes.length * rowH + 18));
    const spb = opt.stepsPerBar || 16;   // sixteenth-note steps per bar: 16 in 4/4, 12 in 3/4 and 6/8
    const steps = Math.max(spb, bars * spb);
    const cw = (w - labelW) / steps;
    g.font = '11px ' + css('--mono');
    (opt.sections || []).forEach((s, i) => {
      const x = labelW + s.start_bar * spb * cw;
      g.fillStyle = i % 2 ? 'rgba(255,255,255,.025)' : 'rgba(79,209,197,.04)';
      g.fillRect(x, 0, s.bars * spb * cw, h);
      g.fillStyle = css('--muted'); g.fillText(s.name, x + 3, h - 4);
    });
    lanes.forEach((lane, r) => {
      const y = r * rowH;
      g.fillStyle = css('--text'); g.fillText(lane.name, 4, y + 15);
      for (let s = 0; s < steps; s++) {
        g.fillStyle = s % spb === 0 ? '#2f3642' : (s % 4 === 0 ? '#262b35' : '#1f242d');
        g.fillRect(labelW + s * cw + .5, y + 2, Math.max(1, cw - 1), rowH - 4);
      }
      const color = laneColors[r % laneColors.length];
      for (const hit of lane.hits) {
        g.globalAlpha = .35 + .65 * Math.max(0, Math.min(1, hit.velocity));
        g.fillStyle = color;
        g.fillRect(labelW + hit.step * cw + 1, y + 3, Math.max(1, cw - 2), rowH - 6);
      }
      g.globalAlpha = 1;
    });
    if (opt.locked) { g.fillStyle = css('--accent2'); g.textAlign = 'right'; g.fillText('LOCKED', w - 6, h - 4); g.textAlign = 'left'; }
  };

  // parts: [{name, notes:[{start_beats, length_beats, pitch, velocity}]}]
  C.pianoRoll = function (canvas, parts, bars, opt) {
    opt = opt || {};
    const all = parts.flatMap(p => p.notes);
    const { g, w, h } = C.prepare(canvas, opt.height || 220);
    if (!all.length) return;
    let lo = Math.min(...all.map(n => n.pitch)) - 2, hi = Math.max(...all.map(n => n.pitch)) + 2;
    const barBeats = opt.barBeats || 4;   // quarter notes per bar
    const beats = Math.max(barBeats, bars * barBeats);
    const rows = hi - lo + 1, rh = h / rows, bw = w / beats;
    for (let p = lo; p <= hi; p++) {
      const black = [1, 3, 6, 8, 10].includes(((p % 12) + 12) % 12);
      g.fillStyle = black ? '#161a20' : '#1b2028';
      g.fillRect(0, h - (p - lo + 1) * rh, w, rh);
    }
    // octave labels after all rows, so no row paints over them
    g.fillStyle = css('--muted'); g.font = '10px ' + css('--mono');
    for (let p = lo; p <= hi; p++) if (p % 12 === 0) g.fillText('C' + (p / 12 - 1), 3, h - (p - lo) * rh - 2);
    for (let b = 0; b <= beats; b += barBeats) { g.strokeStyle = b % (4 * barBeats) === 0 ? '#3a4250' : '#272d37'; g.beginPath(); g.moveTo(b * bw + .5, 0); g.lineTo(b * bw + .5, h); g.stroke(); }
    parts.forEach((part, i) => {
      const color = laneColors[(i + 2) % laneColors.length];
      g.fillStyle = color;
      for (const n of part.notes) {
        g.globalAlpha = .45 + .55 * Math.max(0, Math.min(1, n.velocity));
        g.fillRect(n.start_beats * bw + .5, h - (n.pitch - lo + 1) * rh + .5, Math.max(2, n.length_beats * bw - 1), Math.max(2, rh - 1));
      }
    });
    g.globalAlpha = 1;
    let x = w - 10; g.font = '11px sans-serif'; g.textAlign = 'right';
    parts.slice().reverse().forEach((part, ri) => {
      const i = parts.length - 1 - ri;
      g.fillStyle = laneColors[(i + 2) % laneColors.length];
      g.fillText('■ ' + part.name, x, 14); x -= g.measureText('■ ' + part.name).width + 12;
    });
    g.textAlign = 'left';
  };
  C.laneColors = laneColors;
})();
