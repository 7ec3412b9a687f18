// Mix page: stems in, a proposed mix out; faders, pans, roles and bleed/room marks you can change (each change logged),
// solo/mute in a Web Audio preview, rendered candidates to audition, WAV, DAWproject and Reaper export.
// The proposal can ask for more or less of something (--more/--less), move a whole role (--fix) and set the mix's peak ceiling (--headroom).
'use strict';
GW.pages = GW.pages || {};
(function () {
  const el = GW.el;
  const P = GW.pages.mix = {};
  let ui = null;

  // Web Audio preview of the raw stems through each strip's fader, pan, solo and mute.
  class StemPreview {
    constructor() { this.buffers = new Map(); this.nodes = new Map(); this.playing = false; this.offset = 0; }
    ctx() { if (!GW.audioCtx) GW.audioCtx = new (window.AudioContext || window.webkitAudioContext)(); if (GW.audioCtx.state === 'suspended') GW.audioCtx.resume(); return GW.audioCtx; }
    async load(project, stems) {
      const c = this.ctx();
      await Promise.all(stems.map(async s => {
        if (this.buffers.has(s.path)) return;
        const bytes = await (await fetch(GW.fileUrl(project, s.path))).arrayBuffer();
        this.buffers.set(s.path, await c.decodeAudioData(bytes));
      }));
    }
    play(strips) {
      const c = this.ctx();
      this.stop();
      const t0 = c.currentTime + 0.05;
      for (const s of strips) {
        const buf = this.buffers.get(s.path);
        if (!buf) continue;
        const src = c.createBufferSource(); src.buffer = buf;
        const gain = c.createGain(), pan = c.createStereoPanner();
        src.connect(gain).connect(pan).connect(c.destination);
        src.start(t0, this.offset % buf.duration);
        this.nodes.set(s.name, { src, gain, pan });
      }
      this.startedAt = t0 - this.offset; this.playing = true;
      this.apply(strips);
    }
    apply(strips) {
      const anySolo = strips.some(s => s.solo);
      for (const s of strips) {
        const n = this.nodes.get(s.name);
        if (!n) continue;
        const audible = !s.mute && (!anySolo || s.solo);
        n.gain.gain.setTargetAtTime(audible ? Math.pow(10, s.fader_db / 20) : 0, this.ctx().currentTime, 0.01);
        n.pan.pan.setTargetAtTime(s.pan, this.ctx().currentTime, 0.01);
      }
    }
    stop() {
      if (this.playing) this.offset = this.ctx().currentTime - this.startedAt;
      for (const n of this.nodes.values()) { try { n.src.stop(); } catch (e) { /* already stopped */ } }
      this.nodes.clear(); this.playing = false;
    }
  }

  P.mount = function (main, view) {
    ui = { project: view.id, preview: new StemPreview(), strips: [], view };
    GW.mixPreview = ui.preview;
    ui.stemsInfo = el('div', { class: 'muted', id: 'mix-stems-info' });
    ui.mixer = el('div', { class: 'mixer', id: 'mix-strips' });
    ui.candidates = el('div', { class: 'candidates', id: 'mix-candidates' });
    ui.exports = el('div', { class: 'downloads', id: 'mix-exports' });
    ui.balance = el('select', { id: 'mix-balance', title: 'Level conventions: song (parts around a lead) or beat (kick, snare and bass near the lead, as drum-driven genres are mixed)' },
      el('option', { value: '' }, 'chosen for me'), el('option', { value: 'song' }, 'song'), el('option', { value: 'beat' }, 'beat'));
    ui.maskingLevel = el('input', { type: 'number', id: 'mix-masking-level', min: 0, max: 1, step: 0.05, value: 0.2, style: 'width:5em',
      title: 'Masking-aware level, 0 to 1: a stem the others cover in its bands comes up, one playing alone in its bands goes down, '
        + 'by this many dB per dB of difference; 0 turns it off, 1 moves five times as far as the default 0.2' });
    ui.maskingStrength = el('input', { type: 'number', id: 'mix-masking-strength', min: 0, max: 1, step: 0.05, value: 0.5, style: 'width:5em',
      title: 'Masking cuts, 0 to 1: how deep the EQ cuts another stem where it covers the lead in the lead\'s loudest band '
        + '(1 = up to 6 dB, the default 0.5 = up to 3 dB, 0 = no masking cuts)' });
    // the stem to focus (--lead); its options follow the uploaded stems in P.update
    ui.lead = el('select', { id: 'mix-lead', title: 'The stem the mix focuses on: brought forward, and the one the masking cuts make room for' },
      el('option', { value: '' }, 'chosen for me'));
    ui.count = el('input', { type: 'number', id: 'mix-count', min: 1, max: 5, value: 2, style: 'width:4em',
      title: 'Candidates, one per style in this order: balanced, vocal forward, beat forward, wide, dry' });
    // --more / --less: one stepper per target, each step one --more (+) or --less (−) on the command line
    ui.intents = {};
    const intentRow = el('div', { class: 'intents', id: 'mix-intents', title: 'Ask the proposal for more (+) or less (−) of these; each step is one --more or --less' },
      INTENTS.map(t => {
        const val = el('span', { class: 'val mono', id: 'mix-intent-' + t }, '0');
        const step = d => () => { ui.intents[t] = Math.max(-3, Math.min(3, (ui.intents[t] || 0) + d)); val.textContent = signed(ui.intents[t]); };
        return el('span', { class: 'intent' }, el('button', { class: 'small', id: 'mix-less-' + t, title: 'less ' + t, onclick: step(-1) }, '−'), val,
          el('button', { class: 'small', id: 'mix-more-' + t, title: 'more ' + t, onclick: step(1) }, '+'), ' ' + t);
      }));
    // --fix ROLE=±dB: a whole role (or one stem) moved after the automix; one chip per fix, × takes it off
    ui.fixes = {};
    ui.fixRole = el('select', { id: 'mix-fix-role', style: 'width:8em' });
    GW.api('GET', '/api/mix/roles').then(roles => roles.forEach(r => ui.fixRole.append(el('option', { value: r }, r))));
    ui.fixDb = el('input', { type: 'number', id: 'mix-fix-db', min: -12, max: 12, step: 0.5, value: -2, style: 'width:5em' });
    ui.fixList = el('span', { class: 'fixes', id: 'mix-fixes' });
    ui.headroom = el('input', { type: 'number', id: 'mix-headroom', min: -30, max: 0, step: 0.5, value: -6, style: 'width:5em',
      title: 'Peak ceiling of the mix in dBFS (--headroom): the room left for mastering; the default -6 dBFS suits most masters' });
    ui.playBtn = el('button', { class: 'primary', id: 'mix-play', onclick: GW.guard(togglePreview) }, '▶ Preview stems');
    const unavailable = GW.state.engines.mix ? null : el('div', { class: 'unavailable' }, 'Mixing is not in this build yet: stems can be uploaded and previewed, not mixed.');
    main.append(
      el('div', { class: 'page-head' }, el('h2', {}, 'Mix'), el('p', {}, 'Every fader and pan comes with its reason; change what you hear differently.')),
      unavailable || '',
      el('div', { class: 'grid cols-2' },
        el('div', { class: 'grid' },
          el('div', { class: 'card' }, el('h4', {}, 'Stems'),
            GW.dropzone('Drop stems (several files or a .zip)', true, 'audio/*,.wav,.flac,.aif,.aiff,.mp3,.ogg,.zip', GW.guard(async files => {
              GW.toast('uploading ' + files.length + ' file(s)…', true);
              await GW.upload(`/api/projects/${ui.project}/mix/upload`, files);
              await GW.refresh();
            })), el('div', { style: 'margin-top:8px' }, ui.stemsInfo),
            el('div', { class: 'row', style: 'margin-top:10px' },
              el('label', {}, 'Levels ', ui.balance),
              el('label', {}, 'Masking level ', ui.maskingLevel),
              el('label', {}, 'Masking cuts ', ui.maskingStrength),
              el('label', {}, 'Lead ', ui.lead),
              el('label', {}, 'Candidates ', ui.count)),
            el('div', { class: 'muted', style: 'margin-top:10px;font-size:12px' }, 'More or less of'), intentRow,
            el('div', { class: 'row', style: 'margin-top:8px' },
              el('span', { class: 'muted', style: 'font-size:12px', title: 'Move every stem of a role by this many dB after the automix (--fix)' }, 'Fix'),
              ui.fixRole, ui.fixDb, el('span', { class: 'muted' }, 'dB'),
              el('button', { class: 'small', id: 'mix-fix-add', onclick: () => {
                const db = +ui.fixDb.value;
                if (!(db >= -12 && db <= 12)) { GW.toast('a fix moves a role by -12 to +12 dB'); return; }
                if (db === 0) delete ui.fixes[ui.fixRole.value]; else ui.fixes[ui.fixRole.value] = db;
                renderFixes();
              } }, 'Add'), ui.fixList),
            el('div', { class: 'row', style: 'margin-top:8px' }, el('label', {}, 'Headroom ', ui.headroom, ' dBFS peak')),
            el('button', { class: 'primary', id: 'mix-propose', style: 'margin-top:10px', onclick: GW.guard(async () => {
              // empty = the server's default: beat for stems sent from the Beat page, otherwise chosen from the kick
              const body = { masking_level: +ui.maskingLevel.value, masking_strength: +ui.maskingStrength.value, candidates: +ui.count.value,
                intents: Object.fromEntries(Object.entries(ui.intents).filter(([, v]) => v)), fixes: Object.assign({}, ui.fixes),
                headroom_dbfs: +ui.headroom.value };
              if (ui.balance.value) body.balance = ui.balance.value;
              if (ui.lead.value) body.lead = ui.lead.value;
              await GW.runJob(`/api/projects/${ui.project}/mix/propose`, body);
              await GW.refresh();
            }) }, 'Propose a mix')),
          el('div', { class: 'card' }, el('h4', {}, 'Candidates'), ui.candidates,
            el('button', { id: 'mix-render', style: 'margin-top:10px', onclick: GW.guard(async () => {
              await GW.runJob(`/api/projects/${ui.project}/mix/render`, {});
              await GW.refresh();
            }) }, 'Render with my changes')),
          el('div', { class: 'card' }, el('h4', {}, 'Export'),
            el('div', { class: 'row' },
              el('button', { id: 'mix-export-wav', onclick: GW.guard(() => doExport('wav')) }, 'Export WAV'),
              el('button', { id: 'mix-export-dawproject', onclick: GW.guard(() => doExport('dawproject')) }, 'Export DAWproject'),
              el('button', { id: 'mix-export-rpp', title: 'A Reaper project with the plan\'s faders, pans, EQ and sends; it plays the stems where the studio keeps them',
                onclick: GW.guard(() => doExport('rpp')) }, 'Export Reaper project')),
            el('div', { style: 'margin-top:10px' }, ui.exports))),
        el('div', { class: 'grid' },
          el('div', { class: 'transport' }, ui.playBtn, el('span', { class: 'muted' }, 'raw stems through your faders, pans, solo and mute')),
          el('div', { class: 'card' }, el('h4', {}, 'Mixer'), ui.mixer))));
    P.update(view);
  };

  const INTENTS = ['vocal', 'drums', 'bass', 'reverb', 'delay', 'width', 'compression'];
  const signed = v => v > 0 ? '+' + v : v < 0 ? '−' + -v : '0';

  function renderFixes() {
    ui.fixList.innerHTML = '';
    for (const [role, db] of Object.entries(ui.fixes)) {
      ui.fixList.append(el('span', { class: 'chip', id: 'mix-fix-' + role }, role + ' ' + (db > 0 ? '+' : '') + db + ' dB ',
        el('button', { class: 'small ghost', title: 'remove', onclick: () => { delete ui.fixes[role]; renderFixes(); } }, '×')));
    }
  }

  /** What the proposal was asked for beyond the defaults, in the CLI's words (--more vocal, --fix bass=-2dB, --headroom -3). */
  function askedText(pr) {
    const parts = [];
    for (const [t, n] of Object.entries(pr.intents || {})) parts.push((n > 0 ? 'more ' : 'less ') + t + (Math.abs(n) > 1 ? ' ×' + Math.abs(n) : ''));
    for (const [t, db] of Object.entries(pr.fixes || {})) parts.push(t + ' ' + (db > 0 ? '+' : '') + db + ' dB');
    if (pr.headroom_dbfs != null && pr.headroom_dbfs !== -6) parts.push('peaks at ' + pr.headroom_dbfs + ' dBFS');
    return parts.length ? 'Asked for: ' + parts.join(', ') : '';
  }

  P.unmount = function () { if (ui) ui.preview.stop(); ui = null; };

  async function doExport(format) {
    await GW.runJob(`/api/projects/${ui.project}/mix/export`, { format });
    await GW.refresh();
  }

  async function togglePreview() {
    if (ui.preview.playing) { ui.preview.stop(); ui.playBtn.textContent = '▶ Preview stems'; return; }
    ui.playBtn.textContent = 'loading…';
    await ui.preview.load(ui.project, ui.strips);
    ui.preview.play(ui.strips);
    ui.playBtn.textContent = '■ Stop';
  }

  P.update = function (view) {
    if (!ui) return;
    ui.view = view;
    const m = view.state.mix || {};
    const stems = m.stems || [];
    ui.stemsInfo.textContent = stems.length ? stems.length + ' stems: ' + stems.map(s => s.name).join(', ') : 'No stems yet.';
    leadOptions(stems.map(s => s.name));
    const edits = m.edits || {};
    const proposal = m.proposal;
    const old = new Map(ui.strips.map(s => [s.name, s]));
    const cand = proposal && (proposal.candidates.find(c => c.id === m.chosen) || proposal.candidates[0]);
    ui.strips = (cand ? cand.stems : stems.map(s => ({ name: s.name, path: s.path, role: s.role_hint || '', fader_db: 0, pan: 0, reasons: [] })))
      .map(s => {
        const e = edits[s.name] || {};
        const prev = old.get(s.name) || {};
        return { name: s.name, path: s.path, role: e.role ?? s.role, fader_db: e.fader_db ?? s.fader_db, pan: e.pan ?? s.pan, bleed: e.bleed ?? !!s.bleed,
          proposed: s, edited: !!edits[s.name], reasons: s.reasons || [], solo: !!prev.solo, mute: !!prev.mute };
      });
    renderMixer(!!proposal);
    ui.preview.apply(ui.strips);
    renderCandidates(m);
    ui.exports.innerHTML = '';
    for (const [fmt, ex] of Object.entries(m.exports || {})) {
      ui.exports.append(el('a', { href: GW.fileUrl(ui.project, ex.path, true), id: 'mix-download-' + fmt }, '⤓ ' + ex.path.split('/').pop()));
    }
  };

  // The lead choices are the stems; rebuilt only when the stems change, so a choice survives the page's redraws.
  function leadOptions(names) {
    const key = names.join('\n');
    if (ui.lead.dataset.stems === key) return;
    const cur = ui.lead.value;
    ui.lead.dataset.stems = key;
    ui.lead.innerHTML = '';
    ui.lead.append(el('option', { value: '' }, 'chosen for me'), ...names.map(n => el('option', { value: n }, n)));
    ui.lead.value = names.includes(cur) ? cur : '';
  }

  function renderMixer(proposed) {
    ui.mixer.innerHTML = '';
    if (!ui.strips.length) { ui.mixer.append(el('div', { class: 'muted' }, 'Upload stems to see the mixer.')); return; }
    GW.api('GET', '/api/mix/roles').then(roles => {
      ui.mixer.querySelectorAll('select.role').forEach(sel => {
        const cur = sel.dataset.value;
        sel.innerHTML = '';
        const all = roles.includes(cur) || !cur ? roles : [cur, ...roles];
        all.forEach(r => sel.append(el('option', { value: r }, r)));
        sel.value = cur;
      });
    });
    ui.strips.forEach((s, i) => {
      const readout = el('div', { class: 'readout' }, GW.fmt(s.fader_db, 1, ' dB'));
      const panOut = el('div', { class: 'readout' }, panText(s.pan));
      const post = GW.guard(async body => {
        await GW.api('POST', `/api/projects/${ui.project}/mix/edit`, Object.assign({ stem: s.name }, body));
        await GW.refresh();
      });
      // Arrow keys fire a change per step: log one decision when the hand stops, not one per step.
      let timer = null;
      const save = body => { clearTimeout(timer); timer = setTimeout(() => post(body), 400); };
      const fader = el('input', { type: 'range', class: 'fader', min: -30, max: 12, step: 0.5, value: s.fader_db, disabled: !proposed, id: 'fader-' + i,
        oninput: e => { s.fader_db = +e.target.value; readout.textContent = GW.fmt(s.fader_db, 1, ' dB'); ui.preview.apply(ui.strips); },
        onchange: e => save({ fader_db: +e.target.value }) });
      const pan = el('input', { type: 'range', min: -1, max: 1, step: 0.05, value: s.pan, disabled: !proposed, id: 'pan-' + i,
        oninput: e => { s.pan = +e.target.value; panOut.textContent = panText(s.pan); ui.preview.apply(ui.strips); },
        onchange: e => save({ pan: +e.target.value }) });
      const role = el('select', { class: 'role', 'data-value': s.role || '', disabled: !proposed, onchange: e => save({ role: e.target.value }) }, el('option', {}, s.role || '—'));
      // a bleed or room track (--bleed): the next render holds it 12 dB under its role's level; one click is one decision
      const bleed = el('input', { type: 'checkbox', disabled: !proposed, checked: s.bleed, onchange: e => post({ bleed: e.target.checked }) });
      const bleedLabel = el('label', { class: 'bleed', title: "Bleed or room track: held 12 dB under its role's level instead of raised to it" }, bleed, ' bleed/room');
      const solo = el('button', { class: 'solo' + (s.solo ? ' on' : ''), title: 'solo', onclick: e => { s.solo = !s.solo; e.target.classList.toggle('on', s.solo); ui.preview.apply(ui.strips); } }, 'S');
      const mute = el('button', { class: 'mute' + (s.mute ? ' on' : ''), title: 'mute', onclick: e => { s.mute = !s.mute; e.target.classList.toggle('on', s.mute); ui.preview.apply(ui.strips); } }, 'M');
      ui.mixer.append(el('div', { class: 'strip' + (s.edited ? ' edited' : ''), 'data-stem': s.name, title: s.path },
        el('div', { class: 'sname' }, s.name), role, bleedLabel, el('div', { class: 'sm' }, solo, mute), fader, readout, pan, panOut,
        el('div', { class: 'reasons' }, s.reasons.map(r => el('div', {}, '· ' + r)))));
    });
  }

  // The tempo the delay is timed from, with why: the producer's, the drums', or 120 assumed.
  function delayTempo(c) {
    const d = c.delay;
    if (!d) return null;
    const bpm = d.tempo_bpm != null ? GW.fmt(d.tempo_bpm, 1) + ' BPM' : GW.fmt(d.assumed_bpm, 0) + ' BPM assumed';
    return el('div', { class: 'delay-tempo', id: 'mixdelay-' + c.id, style: 'font-size:12px' },
      el('span', { class: 'mono' }, `Delay tempo ${bpm} · ${GW.fmt(d.delay_time_ms, 0)} ms`),
      d.reason ? el('div', { class: 'muted' }, d.reason) : null);
  }

  const panText = p => Math.abs(p) < 0.01 ? 'C' : (p < 0 ? 'L' : 'R') + Math.round(Math.abs(p) * 100);

  /** The plan's note on the level conventions it chose ("balance: beat (chosen: the kick …)"), when it made one. */
  function balanceNote(c) {
    const n = (c.notes || []).find(t => t.startsWith('balance:') || t.startsWith('levels follow the beat balance'));
    return n ? el('div', { class: 'muted balance-note', id: 'mixbalance-' + c.id, style: 'font-size:12px' }, n) : null;
  }

  function renderCandidates(m) {
    ui.candidates.innerHTML = '';
    const list = m.proposal ? m.proposal.candidates : [];
    if (!list.length) { ui.candidates.append(el('div', { class: 'muted' }, 'Propose a mix to hear candidates.')); return; }
    const asked = askedText(m.proposal);
    if (asked) ui.candidates.append(el('div', { class: 'muted', id: 'mix-asked', style: 'font-size:12px;margin-bottom:6px' }, asked));
    for (const c of list) {
      const chosen = m.chosen === c.id;
      ui.candidates.append(el('div', { class: 'cand' + (chosen ? ' chosen' : ''), id: 'mixcand-' + c.id },
        el('div', { class: 'title' }, el('span', {}, c.label), chosen ? el('span', { class: 'badge' }, 'chosen') : null),
        el('div', { class: 'nums' }, `I ${GW.fmt(c.integrated_lufs, 1)} LUFS · peak ${GW.fmt(c.sample_peak_dbfs, 1)} dBFS`),
        delayTempo(c),
        balanceNote(c),
        el('audio', { controls: true, preload: 'none', src: GW.fileUrl(ui.project, c.path), style: 'width:100%;height:32px' }),
        el('div', { class: 'row' },
          el('button', { class: 'small', disabled: chosen, onclick: GW.guard(async () => {
            await GW.api('POST', `/api/projects/${ui.project}/mix/choose`, { candidate: c.id }); await GW.refresh();
          }) }, chosen ? 'Chosen' : 'Choose'),
          el('a', { href: GW.fileUrl(ui.project, c.path, true) }, '⤓ WAV'))));
    }
  }
})();
