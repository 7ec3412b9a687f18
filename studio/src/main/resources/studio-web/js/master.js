// Master page: source → target → candidates; compare by ear (A/B, loudness-matched) and by eye; choose, adjust, re-render;
// deliver the chosen one at the sample rate and bit depth a distributor asks for.
'use strict';
GW.pages = GW.pages || {};
(function () {
  const el = GW.el;
  const P = GW.pages.master = {};
  let ui = null;

  P.mount = function (main, view) {
    const player = new GW.ABPlayer(() => drawLive());
    GW.player = player; // tests and the console can reach it
    ui = { player, view, overviews: {}, project: view.id };
    const targetSel = el('select', { id: 'master-target' });
    GW.api('GET', '/api/master/targets').then(ts => {
      ts.forEach(t => targetSel.append(el('option', { value: t }, t)));
      const run = ui.view.state.master && ui.view.state.master.run;
      targetSel.value = run ? run.target : 'spotify';
    });
    const count = el('input', { type: 'number', id: 'master-count', min: 1, max: 5, value: 3,
      title: 'How many characters to render: the one chosen beside it first, then the others in order' });
    // --character: the first candidate's; with 1 candidate, only this one
    const character = el('select', { id: 'master-character', title: 'The first candidate\'s character; with 1 candidate, the only one' },
      CHARACTERS.map(([c, why]) => el('option', { value: c, title: why }, c)));
    // --max-limiting: empty = automatic (4 LU, 6 LU for loud targets)
    const maxLimiting = el('input', { type: 'number', id: 'master-max-limiting', min: 0, max: 20, step: 0.5, placeholder: 'auto',
      title: 'Loudness in LU the limiter may take before the master stops short of the target (and says so); empty = automatic: 4 LU, 6 LU for loud targets' });
    // --lufs / --ceiling: empty = the preset's own
    const lufs = el('input', { type: 'number', id: 'master-lufs', min: -40, max: -3, step: 0.5, placeholder: 'preset', title: "Integrated loudness target in LUFS; empty = the preset's" });
    const ceiling = el('input', { type: 'number', id: 'master-ceiling', min: -12, max: 0, step: 0.1, placeholder: 'preset', title: "True-peak ceiling in dBTP; empty = the preset's" });
    const fromProject = el('select', { id: 'master-from-project' });
    fromProject.addEventListener('change', GW.guard(async () => {
      if (!fromProject.value) return;
      await GW.api('POST', `/api/projects/${ui.project}/master/source`, { path: fromProject.value });
      await GW.refresh();
    }));
    ui.fromProject = fromProject;
    // --reference: the EQ moves toward this track's tonal balance instead of the neutral curve
    ui.reference = el('select', { id: 'master-reference', title: "Match the tonal balance of this track's loudest sections" });
    ui.referenceDrop = GW.dropzone('Drop a reference track', false, 'audio/*,.wav,.flac,.aif,.aiff,.mp3,.ogg', GW.guard(async files => {
      GW.toast('uploading ' + files[0].name + '…', true);
      await GW.upload(`/api/projects/${ui.project}/master/reference/upload`, files);
      await GW.refresh();
    }));
    ui.referenceDrop.id = 'master-reference-drop';
    ui.sourceName = el('div', { class: 'source-name', id: 'master-source-name' });
    ui.candidates = el('div', { class: 'candidates', id: 'master-candidates' });
    ui.adjust = el('div', { id: 'master-adjust' });
    ui.abButtons = el('div', { class: 'ab', id: 'master-ab' });
    ui.time = el('span', { class: 'time', id: 'master-time' }, '0:00.00');
    ui.playBtn = el('button', { class: 'primary', id: 'master-play', onclick: () => player.toggle() }, '▶ Play');
    ui.matched = el('input', { type: 'checkbox', id: 'master-matched', checked: true, onchange: e => player.setMatched(e.target.checked) });
    ui.gain = el('span', { class: 'mono muted', id: 'master-gain' });
    ui.wave = el('canvas', { id: 'master-wave' });
    ui.loud = el('canvas', { id: 'master-loudness' });
    ui.spec = el('canvas', { id: 'master-spectrum' });
    ui.meters = el('div', { class: 'meters', id: 'master-meters' });
    ui.wave.addEventListener('click', e => { const r = ui.wave.getBoundingClientRect(); player.seek((e.clientX - r.left) / r.width * player.duration()); });
    const unavailable = GW.state.engines.master ? null : el('div', { class: 'unavailable' }, 'Mastering is not in this build yet: you can upload and measure, but not propose masters.');

    main.append(
      el('div', { class: 'page-head' }, el('h2', {}, 'Master'), el('p', {}, 'The machine proposes candidates; you choose by ear.')),
      unavailable || '',
      el('div', { class: 'grid cols-2' },
        el('div', { class: 'grid' },
          el('div', { class: 'card' }, el('h4', {}, 'Source'),
            GW.dropzone('Drop a mix to master', false, 'audio/*,.wav,.flac,.aif,.aiff,.mp3,.ogg', GW.guard(async files => {
              GW.toast('uploading ' + files[0].name + '…', true);
              await GW.upload(`/api/projects/${ui.project}/master/upload`, files);
              await GW.refresh();
            })),
            el('div', { class: 'field', style: 'margin-top:10px' }, el('label', {}, 'or take one from this project'), fromProject),
            ui.sourceName),
          el('div', { class: 'card' }, el('h4', {}, 'Target'),
            el('div', { class: 'row' },
              el('div', { class: 'field', style: 'flex:1' }, el('label', {}, 'delivery target'), targetSel),
              el('div', { class: 'field', style: 'width:90px' }, el('label', {}, 'candidates'), count)),
            el('div', { class: 'row' },
              el('div', { class: 'field', style: 'flex:1' }, el('label', {}, 'character (first candidate)'), character)),
            el('div', { class: 'row' },
              el('div', { class: 'field', style: 'width:110px' }, el('label', {}, 'LUFS'), lufs),
              el('div', { class: 'field', style: 'width:110px' }, el('label', {}, 'ceiling dBTP'), ceiling),
              el('div', { class: 'field', style: 'width:90px' }, el('label', {}, 'max limiting LU'), maxLimiting)),
            el('div', { class: 'field' }, el('label', {}, 'tonal reference'), ui.reference),
            ui.referenceDrop,
            el('button', { class: 'primary', id: 'master-propose', onclick: GW.guard(async () => {
              await GW.runJob(`/api/projects/${ui.project}/master/propose`, { target: targetSel.value, candidates: +count.value,
                character: character.value, max_limiting_lu: numberOrNull(maxLimiting),
                lufs: numberOrNull(lufs), ceiling_dbtp: numberOrNull(ceiling), reference: ui.reference.value || null });
              await GW.refresh();
            }) }, 'Propose masters')),
          el('div', { class: 'card' }, el('h4', {}, 'Candidates'), ui.candidates),
          ui.adjust),
        el('div', { class: 'grid' },
          el('div', { class: 'transport' }, ui.playBtn, ui.abButtons, ui.time,
            el('label', { class: 'toggle', title: 'Play every version at the same integrated loudness' }, ui.matched, 'loudness-matched'), ui.gain),
          el('div', { class: 'card viz' },
            el('div', { class: 'label' }, el('span', {}, 'Waveform (click to seek)'), el('span', { class: 'legend', id: 'wave-legend' })), ui.wave,
            el('div', { class: 'label' }, el('span', {}, 'Short-term loudness'), el('span', { class: 'legend' }, el('i', { style: 'background:#8a93a3' }), 'original', el('i', { style: 'background:#4fd1c5' }), 'heard')), ui.loud,
            el('div', { class: 'label' }, el('span', {}, 'Spectrum before / after'), el('span', { class: 'legend' }, el('i', { style: 'background:#8a93a3' }), 'original', el('i', { style: 'background:#f6ad55' }), 'heard')), ui.spec),
          ui.meters)));
    P.update(view);
    window.addEventListener('resize', drawAll);
  };

  const numberOrNull = input => input.value.trim() === '' ? null : +input.value;
  const CHARACTERS = [['transparent', 'as little change as the target allows'], ['warm', 'fuller low end, softer top'],
    ['punchy', 'transients through, firmer glue'], ['open', 'more air, a slightly wider image'], ['loud', 'denser, multiband where a band jumps']];
  // --rate / --bits for the delivered file
  const RATES = [['', 'as the source'], ['44100', '44.1 kHz'], ['48000', '48 kHz'], ['88200', '88.2 kHz'], ['96000', '96 kHz']];
  const BITS = [['24', '24-bit'], ['16', '16-bit (dithered)'], ['32f', '32-bit float']];

  P.unmount = function () { if (ui) ui.player.stop(); window.removeEventListener('resize', drawAll); ui = null; };

  P.update = function (view) {
    if (!ui) return;
    ui.view = view;
    const m = view.state.master || {};
    ui.sourceName.textContent = m.source ? '♪ ' + m.source.path : 'No source chosen yet.';
    GW.api('GET', `/api/projects/${ui.project}/audio`).then(files => {
      ui.fromProject.innerHTML = '';
      ui.fromProject.append(el('option', { value: '' }, files.length ? '— choose a file —' : '(no audio in this project yet)'));
      files.forEach(f => ui.fromProject.append(el('option', { value: f.path }, f.path)));
      // the reference list keeps the producer's pick across redraws; a newly uploaded reference is picked
      const picked = m.reference && m.reference.path !== ui.lastReference ? m.reference.path : ui.reference.value;
      ui.lastReference = m.reference && m.reference.path;
      ui.reference.innerHTML = '';
      ui.reference.append(el('option', { value: '' }, 'none (neutral curve)'));
      files.forEach(f => ui.reference.append(el('option', { value: f.path }, f.path)));
      ui.reference.value = files.some(f => f.path === picked) ? picked : '';
    }).catch(() => {});
    renderCandidates(m);
    renderAdjust(m);
    const sources = [];
    if (m.source) sources.push({ id: 'orig', label: 'Original', path: m.source.path });
    if (m.run) m.run.candidates.forEach(c => sources.push({ id: c.id, label: c.label, path: c.path, lufs: c.integrated_lufs }));
    ui.sourceList = sources;
    Promise.all(sources.map(s => GW.overview(ui.project, s.path).then(o => { ui.overviews[s.id] = o; s.lufs = o.integrated_lufs; }).catch(e => GW.toast(e.message))))
      .then(() => {
        if (!ui) return;
        ui.player.level = m.run ? m.run.preview_lufs : null;
        ui.player.setSources(sources.map(s => ({ id: s.id, label: s.label, url: GW.fileUrl(ui.project, s.path), lufs: s.lufs })));
        if (m.chosen && ui.player.sources.has(m.chosen) && !ui.userPicked) ui.player.select(m.chosen);
        renderAB(); drawAll();
      });
  };

  function renderAB() {
    ui.abButtons.innerHTML = '';
    for (const s of ui.sourceList) {
      ui.abButtons.append(el('button', { 'data-source': s.id, id: 'ab-' + s.id, class: ui.player.activeId === s.id ? 'active' : '',
        title: s.label + ' — ' + s.path, onclick: () => { ui.userPicked = true; ui.player.select(s.id); renderAB(); renderCandidates(ui.view.state.master || {}); drawAll(); } }, s.label.split(' ')[0]));
    }
  }

  function renderCandidates(m) {
    ui.candidates.innerHTML = '';
    if (!m.run) { ui.candidates.append(el('div', { class: 'muted' }, 'Propose masters to get candidates.')); return; }
    for (const c of m.run.candidates) {
      const chosen = m.chosen === c.id;
      ui.candidates.append(el('div', { class: 'cand' + (chosen ? ' chosen' : '') + (ui.player.activeId === c.id ? ' active' : ''), id: 'cand-' + c.id,
        onclick: () => { ui.userPicked = true; ui.player.select(c.id); renderAB(); renderCandidates(ui.view.state.master || {}); drawAll(); } },
        el('div', { class: 'title' }, el('span', {}, c.label), chosen ? el('span', { class: 'badge' }, 'chosen') : null),
        el('div', { class: 'nums' }, `I ${GW.fmt(c.integrated_lufs, 1)} LUFS · TP ${GW.fmt(c.true_peak_dbtp, 1)} dBTP · LRA ${GW.fmt(c.loudness_range_lu, 1)} LU`),
        el('div', { class: 'muted', style: 'font-size:12px' }, (c.reasons || [])[0] || ''),
        // a warning (target not reached, heavy limiting, negative correlation) is shown, not hidden in the details
        (c.reasons || []).filter(r => r.startsWith('⚠')).slice(0, 1).map(r => el('div', { class: 'warn-line' }, r)),
        (c.reasons || []).length > 1 ? el('details', { onclick: e => e.stopPropagation() }, el('summary', {}, 'why: ' + (c.reasons.length - 1) + ' decisions'),
          el('ul', {}, c.reasons.slice(1).map(r => el('li', { class: r.startsWith('⚠') ? 'warn' : '' }, r)))) : null,
        el('div', { class: 'row', style: 'margin-top:6px' },
          el('button', { class: 'small', id: 'choose-' + c.id, disabled: chosen, onclick: GW.guard(async e => {
            e.stopPropagation();
            await GW.api('POST', `/api/projects/${ui.project}/master/choose`, { candidate: c.id });
            await GW.refresh();
          }) }, chosen ? 'Chosen' : 'Choose'),
          el('a', { href: GW.fileUrl(ui.project, c.path, true), onclick: e => e.stopPropagation() }, '⤓ WAV'),
          c.plan_path ? el('a', { href: GW.fileUrl(ui.project, c.plan_path, true), onclick: e => e.stopPropagation() }, '⤓ plan') : null)));
    }
  }

  function renderAdjust(m) {
    ui.adjust.innerHTML = '';
    if (!m.run || !m.chosen) return;
    const c = m.run.candidates.find(x => x.id === m.chosen);
    if (!c) return;
    const s = c.settings || {};
    const slider = (key, label, val, max, step, fmt) => {
      const out = el('span', { class: 'value' }, fmt(val));
      const input = el('input', { type: 'range', min: 0, max, step, value: val, id: 'adjust-' + key, oninput: e => { out.textContent = fmt(+e.target.value); } });
      return [el('div', { class: 'field' }, el('label', {}, label, out), input), input];
    };
    const pct = v => Number(v).toFixed(0) + ' %';
    const [eqF, eq] = slider('eq_amount', 'EQ amount (toward the target curve)', s.eq_amount ?? 50, 100, 5, pct);
    const [inF, intensity] = slider('intensity', 'Intensity (compression)', s.intensity ?? 50, 100, 5, pct);
    const [wiF, width] = slider('width', 'Stereo width', s.width ?? 1, 1.5, 0.05, v => '×' + Number(v).toFixed(2));
    // The multiband stage is switched, not dialled: three gentle band compressors only where a band jumps.
    const byCharacter = !!s.multiband_by_character;
    const multiband = el('input', { type: 'checkbox', id: 'adjust-multiband', checked: !!s.multiband || byCharacter, disabled: byCharacter });
    const mbF = el('label', { class: 'toggle', id: 'adjust-multiband-label',
      title: byCharacter ? `the ${c.character} character always uses it` : 'three-band compression, only where a band jumps' },
    multiband, 'Multiband dynamics' + (byCharacter ? ' (always on for ' + c.character + ')' : ''));
    const target = el('select', { id: 'adjust-target' });
    GW.api('GET', '/api/master/targets').then(ts => { ts.forEach(t => target.append(el('option', { value: t }, t))); target.value = s.target || m.run.target; });
    // the candidate's own loudness and ceiling when the producer set them; empty = the preset's
    const lufs = el('input', { type: 'number', id: 'adjust-lufs', min: -40, max: -3, step: 0.5, placeholder: 'preset', value: s.lufs ?? '' });
    const ceiling = el('input', { type: 'number', id: 'adjust-ceiling', min: -12, max: 0, step: 0.1, placeholder: 'preset', value: s.ceiling_dbtp ?? '' });
    const maxLimiting = el('input', { type: 'number', id: 'adjust-max-limiting', min: 0, max: 20, step: 0.5, placeholder: 'auto',
      value: s.max_limiting_lu ? s.max_limiting_lu : '', title: 'Loudness the limiter may take; empty = automatic' });
    // the panel redraws on every server event: the delivery format picked stays picked
    const rate = el('select', { id: 'deliver-rate', onchange: e => { ui.deliverRate = e.target.value; } }, RATES.map(([v, t]) => el('option', { value: v }, t)));
    const bits = el('select', { id: 'deliver-bits', onchange: e => { ui.deliverBits = e.target.value; } }, BITS.map(([v, t]) => el('option', { value: v }, t)));
    rate.value = ui.deliverRate || '';
    bits.value = ui.deliverBits || '24';
    const mine = (m.deliveries || []).map((d, i) => [d, i]).filter(([d]) => d.candidate === c.id);
    ui.adjust.append(el('div', { class: 'card' }, el('h4', {}, 'Adjust ' + c.label),
      el('div', { class: 'field' }, el('label', {}, 'target'), target),
      el('div', { class: 'row' },
        el('div', { class: 'field', style: 'width:110px' }, el('label', {}, 'LUFS'), lufs),
        el('div', { class: 'field', style: 'width:110px' }, el('label', {}, 'ceiling dBTP'), ceiling),
        el('div', { class: 'field', style: 'width:90px' }, el('label', {}, 'max limiting LU'), maxLimiting)),
      eqF, inF, wiF, el('div', { class: 'field' }, mbF),
      el('button', { class: 'primary', id: 'master-rerender', onclick: GW.guard(async () => {
        await GW.runJob(`/api/projects/${ui.project}/master/adjust`, { candidate: c.id, target: target.value, eq_amount: +eq.value, intensity: +intensity.value, width: +width.value,
          multiband: multiband.checked && !byCharacter, lufs: numberOrNull(lufs), ceiling_dbtp: numberOrNull(ceiling), max_limiting_lu: numberOrNull(maxLimiting) ?? 0 });
        await GW.refresh();
      }) }, 'Re-render')),
    // a download at the rate and bit depth a distributor asks for: the same master, rendered again at that format
    el('div', { class: 'card', style: 'margin-top:14px' }, el('h4', {}, 'Deliver ' + c.label),
      el('div', { class: 'row' },
        el('div', { class: 'field' }, el('label', {}, 'sample rate'), rate),
        el('div', { class: 'field' }, el('label', {}, 'bits'), bits)),
      el('button', { id: 'master-deliver', onclick: GW.guard(async () => {
        await GW.runJob(`/api/projects/${ui.project}/master/deliver`, { candidate: c.id, rate_hz: rate.value ? +rate.value : null, bits: bits.value });
        await GW.refresh();
      }) }, 'Render for download'),
      el('div', { class: 'downloads', id: 'master-deliveries', style: 'margin-top:10px' },
        mine.map(([d, i]) => el('a', { href: GW.fileUrl(ui.project, d.path, true), id: 'master-delivery-' + i,
          title: `${GW.fmt(d.integrated_lufs, 1)} LUFS, true peak ${GW.fmt(d.true_peak_dbtp, 1)} dBTP` }, '⤓ ' + d.path.split('/').pop())))));
  }

  function meter(name, unit, v, ref, lo, hi) {
    const frac = v === null || v === undefined ? 0 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    return el('div', { class: 'meter' }, el('div', { class: 'name' }, name),
      el('div', {}, el('span', { class: 'big' }, GW.fmt(v, 1)), el('span', { class: 'unit' }, unit)),
      el('div', { class: 'sub' }, 'original ' + GW.fmt(ref, 1) + ' ' + unit),
      el('div', { class: 'scale' }, el('i', { style: 'width:' + (frac * 100).toFixed(1) + '%' })));
  }

  function drawAll() {
    if (!ui) return;
    const orig = ui.overviews.orig, heard = ui.overviews[ui.player.activeId] || orig;
    ui.meters.innerHTML = '';
    if (!heard) { GW.chart.waveform(ui.wave, null); GW.chart.loudness(ui.loud, []); GW.chart.spectrum(ui.spec, [], []); return; }
    ui.meters.append(
      meter('Integrated', 'LUFS', heard.integrated_lufs, orig && orig.integrated_lufs, -40, 0),
      meter('Loudness range', 'LU', heard.loudness_range_lu, orig && orig.loudness_range_lu, 0, 20),
      meter('True peak', 'dBTP', heard.true_peak_dbtp, orig && orig.true_peak_dbtp, -24, 3));
    const run = ui.view.state.master && ui.view.state.master.run;
    const targetLufs = run && run.candidates.find(c => c.id === ui.player.activeId);
    GW.chart.loudness(ui.loud, [{ values: orig && orig.short_term_lufs, color: '#8a93a3' }, { values: heard !== orig ? heard.short_term_lufs : null, color: '#4fd1c5' }],
      { target: targetLufs ? targetLufs.integrated_lufs : null, playhead: frac() });
    GW.chart.spectrum(ui.spec, heard.spectrum_freqs_hz, [{ db: orig && orig.spectrum_db, color: '#8a93a3' }, { db: heard !== orig ? heard.spectrum_db : null, color: '#f6ad55', fill: 'rgba(246,173,85,.08)' }]);
    drawLive();
  }

  function frac() { const d = ui.player.duration(); return d ? ui.player.position() / d : 0; }

  function drawLive() {
    if (!ui) return;
    const orig = ui.overviews.orig, heard = ui.overviews[ui.player.activeId] || orig;
    ui.time.textContent = GW.time(ui.player.position()) + ' / ' + GW.time(ui.player.duration());
    ui.playBtn.textContent = ui.player.playing ? '❚❚ Pause' : '▶ Play';
    const a = ui.player.active();
    ui.gain.textContent = a ? 'gain ' + GW.fmt(20 * Math.log10(ui.player.gainFor(a)), 1, ' dB') : '';
    if (heard) GW.chart.waveform(ui.wave, heard.peaks, { under: heard !== orig && orig ? orig.peaks : null, playhead: frac() });
  }
})();
