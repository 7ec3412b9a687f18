// Beat page: a prompt in, several variations out; drums as a step grid, other parts as a piano roll;
// lock what you like and regenerate the rest; arrangement edits (drop or add a part, key change from a section on,
// sound swaps, tempo, kit and SoundFont); send to Mix and Master.
'use strict';
GW.pages = GW.pages || {};
(function () {
  const el = GW.el;
  const P = GW.pages.beat = {};
  let ui = null;

  P.mount = function (main, view) {
    ui = { project: view.id, view, kept: {} };
    ui.prompt = el('input', { type: 'text', id: 'beat-prompt', placeholder: 'dark trap, 140 bpm, F minor, 808 slides, no hats in the intro, key change before the last chorus', value: '',
      title: 'Genre, tempo, key, mood, length, structure; instruments (no melody, with piano, heavy 808, 808 slides); vinyl crackle; '
        + 'arrangement moves (no hats in the intro, melody only in the hook, add perc in the last hook, key change before the last chorus)' });
    // empty: the prompt's own count ("2 variations"), else 3
    ui.count = el('input', { type: 'number', id: 'beat-count', min: 1, max: 6, placeholder: '3', style: 'width:70px',
      title: 'how many beats to make (1 to 6); empty: the number the prompt names ("2 variations"), else 3' });
    // --seed: empty = a new seed each time; a variation's seed (shown on it) with the same prompt makes that beat again
    ui.seed = el('input', { type: 'number', id: 'beat-seed', min: 0, max: 999999999, step: 1, placeholder: 'new', style: 'width:8em',
      title: 'Empty: a new seed each time. Variation 1 uses this seed, variation 2 the next one, … — the same prompt and seed give the same beat, '
        + 'as groundwork beat --seed does' });
    // --kit, --soundfont: what is installed here, or any path on this computer; built-in by default
    ui.kit = sourceChooser('kit', 'drum kit', 'Hydrogen kits installed here, or a path: a drumkit.xml, its folder, or a folder of one-shots (kick.wav, snare.wav, …)',
      '/home/you/kits/MyKit');
    ui.soundfont = sourceChooser('soundfont', 'SoundFont', 'SF2 SoundFonts installed here, or the path of an .sf2 (SF3 is not supported): '
      + 'it plays the bass, chords and melody, and the drums when no kit is chosen', '/home/you/sf2/piano.sf2');
    ui.variations = el('div', { class: 'variations', id: 'beat-variations' });
    ui.detail = el('div', { class: 'grid', id: 'beat-detail' });
    const unavailable = GW.state.engines.beat ? null : el('div', { class: 'unavailable' }, 'Beat making is not in this build yet.');
    main.append(
      el('div', { class: 'page-head' }, el('h2', {}, 'Beat'), el('p', {}, 'Describe it; hear variations; keep what works and regenerate the rest.')),
      unavailable || '',
      el('div', { class: 'card' },
        el('div', { class: 'prompt' }, ui.prompt, el('label', { class: 'toggle' }, 'variations', ui.count),
          el('label', { class: 'toggle' }, 'seed', ui.seed),
          el('button', { class: 'primary', id: 'beat-generate', onclick: GW.guard(async () => {
            if (!ui.prompt.value.trim()) throw new Error('type a prompt first, e.g. "boom bap, 90 bpm, dusty"');
            const body = { prompt: ui.prompt.value.trim(), kit: ui.kit.chosen(), soundfont: ui.soundfont.chosen() };
            if (ui.count.value.trim() !== '') body.variations = +ui.count.value;
            if (ui.seed.value.trim() !== '') body.seed = +ui.seed.value;
            await GW.runJob(`/api/projects/${ui.project}/beat/generate`, body);
            await GW.refresh();
          }) }, 'Generate')),
        el('div', { class: 'row sources', style: 'margin-top:10px' }, ui.kit.node, ui.soundfont.node)),
      el('div', { class: 'card', style: 'margin-top:14px' }, el('h4', {}, 'Variations'), ui.variations),
      el('div', { style: 'margin-top:14px' }, ui.detail));
    P.update(view);
    window.addEventListener('resize', redraw);
    // the menus' choices come from the server (looked up again on each visit, so a kit installed meanwhile shows up)
    GW.api('GET', '/api/beat/options').then(options => {
      if (!ui) return;
      ui.options = options;
      ui.kit.offer(options.kits);
      ui.soundfont.offer(options.soundfonts);
      P.update(ui.view);
    }).catch(e => GW.toast(e.message));
  };

  /** A menu of what is installed (built-in first) with a path box for anything else; chosen() is the path or null. */
  function sourceChooser(name, label, title, example) {
    const OTHER = '*path';
    const select = el('select', { id: 'beat-' + name, title }, el('option', { value: '' }, 'built-in'));
    const path = el('input', { type: 'text', id: 'beat-' + name + '-path', placeholder: example, hidden: true, style: 'width:22em', title });
    select.addEventListener('change', () => { path.hidden = select.value !== OTHER; if (!path.hidden) path.focus(); });
    return {
      node: el('label', { class: 'toggle' }, label, select, path),
      offer(choices) {
        const was = select.value;
        select.innerHTML = '';
        select.append(el('option', { value: '' }, 'built-in'),
          ...choices.map(c => el('option', { value: c.path, title: c.path }, c.name + (c.source === 'user' ? ' (yours)' : ''))),
          el('option', { value: OTHER }, 'a path…'));
        if ([...select.options].some(o => o.value === was)) select.value = was;
      },
      chosen() {
        if (select.value !== OTHER) return select.value || null;
        if (!path.value.trim()) throw new Error(`type the ${label}'s path, or choose built-in`);
        return path.value.trim();
      },
    };
  }

  /** "kit Rock · SoundFont FluidR3_GM" for a variation with its own sounds, "" for the built-in ones. */
  function sourcesOf(v) {
    const base = p => p.split(/[\\/]/).filter(Boolean).pop();
    return [v.kit ? 'kit ' + base(v.kit) : '', v.soundfont ? 'SoundFont ' + base(v.soundfont) : ''].filter(Boolean).join(' · ');
  }

  P.unmount = function () { window.removeEventListener('resize', redraw); if (ui && ui.audio) ui.audio.pause(); ui = null; };

  // Quick listening from the variation cards: one shared player, so only one variation sounds at a time.
  function listen(v, button) {
    if (!ui.audio) ui.audio = new Audio();
    const same = ui.listening === v.id && !ui.audio.paused;
    ui.audio.pause();
    document.querySelectorAll('#beat-variations .listen').forEach(b => { b.textContent = '▶'; });
    if (same) { ui.listening = null; return; }
    ui.audio.src = GW.fileUrl(ui.project, v.wav_path);
    ui.audio.play().catch(e => GW.toast(e.message));
    ui.listening = v.id;
    button.textContent = '■';
    ui.audio.onended = () => { button.textContent = '▶'; ui.listening = null; };
  }

  function chosenVariation(b) {
    const vars = (b.generation && b.generation.variations) || [];
    return vars.find(v => v.id === b.chosen) || vars[0];
  }

  P.update = function (view) {
    if (!ui) return;
    ui.view = view;
    const b = view.state.beat || {};
    if (b.generation && !ui.prompt.value) ui.prompt.value = b.generation.prompt;
    const vars = (b.generation && b.generation.variations) || [];
    const chosen = chosenVariation(b);
    ui.variations.innerHTML = '';
    if (!vars.length) ui.variations.append(el('div', { class: 'muted' }, 'Nothing generated yet.'));
    for (const v of vars) {
      ui.variations.append(el('div', { class: 'var' + (chosen && chosen.id === v.id ? ' chosen' : ''), id: 'var-' + v.id,
        onclick: GW.guard(async () => { await GW.api('POST', `/api/projects/${ui.project}/beat/choose`, { variation: v.id }); await GW.refresh(); }) },
        el('div', { class: 'vt' }, el('button', { class: 'small listen', id: 'listen-' + v.id, title: 'listen without choosing',
          onclick: e => { e.stopPropagation(); listen(v, e.target); } }, ui.listening === v.id ? '■' : '▶'), ' ', v.label),
        el('div', { class: 'vs' }, `${GW.fmt(v.tempo_bpm, 0)} bpm · ${v.key} · ${v.bars} bars${v.time_signature && v.time_signature !== '4/4' ? ' of ' + v.time_signature : ''}`),
        sourcesOf(v) ? el('div', { class: 'vs sources-used' }, sourcesOf(v)) : null,
        v.locked && v.locked.length ? el('div', { class: 'vs' }, 'kept: ' + v.locked.join(', ')) : null));
    }
    renderDetail(b, chosen);
  };

  function renderDetail(b, v) {
    ui.detail.innerHTML = '';
    if (!v) return;
    const locked = new Set(b.locked || []);
    const partNames = ['drums', ...v.parts.map(p => p.name)];
    const lockChips = partNames.map(name => el('span', { class: 'lock' + (locked.has(name) ? ' on' : ''), id: 'lock-' + name,
      onclick: GW.guard(async () => {
        locked.has(name) ? locked.delete(name) : locked.add(name);
        await GW.api('POST', `/api/projects/${ui.project}/beat/lock`, { parts: [...locked] });
        await GW.refresh();
      }), title: locked.has(name) ? 'locked: kept when you regenerate' : 'free: written again when you regenerate' },
      el('span', { class: 'lock-dot' }), name));
    ui.grid = el('canvas', { id: 'beat-grid' });
    ui.roll = el('canvas', { id: 'beat-roll' });
    const names = [...new Set(v.sections.map(s => s.name))];
    const selectors = names.flatMap(n => v.sections.filter(s => s.name === n).length > 1
      ? [[n, 'every ' + n], [n + ':last', 'last ' + n], [n + ':first', 'first ' + n]] : [[n, n]]);
    const sectionSel = keep(el('select', { id: 'beat-drop-section' }, selectors.map(([val, text]) => el('option', { value: val }, text))));
    const partSel = keep(el('select', { id: 'beat-drop-part' }, partNames.concat(v.drums.map(l => l.name)).filter((x, i, a) => a.indexOf(x) === i).map(p => el('option', { value: p }, p))));
    const semis = keep(el('select', { id: 'beat-key-semitones' }, [1, 2, 3, -1, -2, -3].map(s => el('option', { value: s }, (s > 0 ? '+' : '') + s + ' st'))));
    // --transpose N@SECTION: from any section on; the last hook is offered first, as the classic lift
    const hooks = v.sections.map((s, i) => [s, i]).filter(([s]) => s.name === 'hook');
    const lift = hooks.length ? hooks[hooks.length - 1][1] : v.sections.length - 1;
    const keyFrom = keep(el('select', { id: 'beat-key-from' }, v.sections.map((s, i) => el('option', { value: String(i + 1), selected: i === lift },
      `${[s.name, sameNameIndex(v.sections, i)].filter(Boolean).join(' ')} (bar ${s.start_bar + 1})`))));
    // --add PART@SECTION
    const addable = (ui.options && ui.options.addable_parts) || [];
    const addPart = keep(el('select', { id: 'beat-add-part' }, addable.map(p => el('option', { value: p }, p))));
    const addSection = keep(el('select', { id: 'beat-add-section' }, selectors.map(([val, text]) => el('option', { value: val }, text))));
    // --sound PART=SOUND: the choices are the built-in sounds that fit the part
    const soundPart = keep(el('select', { id: 'beat-sound-part' },
      [['drums', v.drums[0] && v.drums[0].sound], ...v.parts.map(p => [p.name, p.sound])].map(([n, snd]) => el('option', { value: n }, snd ? `${n} (${snd})` : n))));
    const soundName = el('select', { id: 'beat-sound-name' });
    const soundChoices = () => {
      const part = soundPart.value;
      const fits = ((ui.options && ui.options.sounds) || []).filter(x => part === 'drums' ? x.fits === 'drums' : x.fits !== 'drums');
      const kind = (v.parts.find(p => p.name === part) || {}).name;
      fits.sort((a, b) => (b.fits === kind) - (a.fits === kind));
      soundName.innerHTML = '';
      fits.forEach(x => soundName.append(el('option', { value: x.name, title: x.description }, x.name + ' · ' + x.description)));
      keep(soundName);
    };
    soundPart.addEventListener('change', soundChoices);
    soundChoices();
    const tempo = el('input', { type: 'number', id: 'beat-tempo', min: 40, max: 300, step: 1, value: v.tempo_bpm, style: 'width:6em' });
    const job = (url, body) => GW.guard(async () => { await GW.runJob(`/api/projects/${ui.project}/beat/${url}`, body()); await GW.refresh(); });
    ui.detail.append(
      el('div', { class: 'transport' },
        el('b', {}, v.label), el('span', { class: 'mono muted' }, `${v.genre || ''} · ${GW.fmt(v.tempo_bpm, 0)} bpm · ${v.key} · seed ${v.seed}${sourcesOf(v) ? ' · ' + sourcesOf(v) : ''}`),
        el('audio', { controls: true, id: 'beat-audio', src: GW.fileUrl(ui.project, v.wav_path), style: 'height:32px;flex:1;min-width:260px' })),
      el('div', { class: 'card' }, el('h4', {}, 'Lock parts, then regenerate the rest'),
        el('div', { class: 'row' }, el('div', { class: 'locks' }, lockChips),
          el('button', { class: 'primary', id: 'beat-regenerate', style: 'margin-left:auto', onclick: job('regenerate', () => ({})) }, '↻ Regenerate unlocked'))),
      el('div', { class: 'card viz' }, el('div', { class: 'label' }, el('span', {}, 'Drums · step grid'), el('span', {}, v.bars + ' bars × ' + (v.steps_per_bar || 16) + ' steps')), ui.grid,
        el('div', { class: 'label' }, el('span', {}, 'Parts · piano roll'), el('span', {}, '')), ui.roll),
      el('div', { class: 'grid', style: 'grid-template-columns: 1fr 1fr' },
        el('div', { class: 'card' }, el('h4', {}, 'Drop an instrument'),
          el('div', { class: 'row' }, partSel, el('span', { class: 'muted' }, 'from'), sectionSel,
            el('button', { id: 'beat-drop', onclick: job('drop', () => ({ part: partSel.value, section: sectionSel.value })) }, 'Drop'))),
        el('div', { class: 'card' }, el('h4', {}, 'Bring in an instrument'),
          el('div', { class: 'row' }, addPart, el('span', { class: 'muted' }, 'in'), addSection,
            el('button', { id: 'beat-add', title: 'Writes the part for those sections from its own seed (a part the beat lacks gets the genre\'s sound)',
              onclick: job('add', () => ({ part: addPart.value, section: addSection.value })) }, 'Add'))),
        el('div', { class: 'card' }, el('h4', {}, 'Key change'),
          el('div', { class: 'row' }, semis, el('span', { class: 'muted' }, 'from'), keyFrom, el('span', { class: 'muted' }, 'to the end'),
            el('button', { id: 'beat-keychange', onclick: job('key-change', () => ({ semitones: +semis.value, section: keyFrom.value })) }, 'Change key'))),
        el('div', { class: 'card' }, el('h4', {}, 'Sound'),
          el('div', { class: 'row' }, soundPart, soundName,
            el('button', { id: 'beat-sound', onclick: job('sound', () => ({ part: soundPart.value, sound: soundName.value })) }, 'Swap sound'))),
        el('div', { class: 'card' }, el('h4', {}, 'Kit & SoundFont'),
          el('div', { class: 'row' }, el('span', { class: 'muted', id: 'beat-sources-now' }, 'now: ' + (sourcesOf(v) || 'built-in sounds')),
            el('button', { id: 'beat-sources-apply', title: 'The same notes, played by the drum kit and SoundFont chosen at the top (built-in: back to the built-in sounds)',
              onclick: job('sources', () => ({ kit: ui.kit.chosen(), soundfont: ui.soundfont.chosen() })) }, 'Use the kit & SoundFont chosen above'))),
        el('div', { class: 'card' }, el('h4', {}, 'Tempo'),
          el('div', { class: 'row' }, tempo, el('span', { class: 'muted' }, 'BPM'),
            el('button', { id: 'beat-tempo-change', onclick: job('tempo', () => ({ tempo_bpm: +tempo.value })) }, 'Change tempo'))),
        el('div', { class: 'card' }, el('h4', {}, 'Use it'),
          el('div', { class: 'row' }, el('button', { class: 'primary', id: 'beat-send', onclick: GW.guard(async () => {
            await GW.api('POST', `/api/projects/${ui.project}/beat/send`, {}); await GW.refresh();
            GW.toast('sent to Mix (stems) and Master (full beat)', true);
          }) }, 'Send to Mix & Master')),
          el('div', { class: 'downloads', style: 'margin-top:10px' },
            el('a', { href: GW.fileUrl(ui.project, v.wav_path, true), id: 'beat-download-wav' }, '⤓ WAV'),
            v.midi_path ? el('a', { href: GW.fileUrl(ui.project, v.midi_path, true), id: 'beat-download-midi' }, '⤓ MIDI') : null,
            v.stems.map(s => el('a', { href: GW.fileUrl(ui.project, s.path, true) }, '⤓ ' + s.part))))));
    ui.current = { v, locked };
    redraw();
  }

  /** "2" for the second hook when there are several, "" when the name is unique. */
  function sameNameIndex(sections, i) {
    const same = sections.filter(s => s.name === sections[i].name);
    return same.length > 1 ? String(sections.slice(0, i + 1).filter(s => s.name === sections[i].name).length) : '';
  }

  // The detail redraws on every server event: a select keeps what the producer picked (when still offered) across redraws.
  function keep(sel) {
    const was = ui.kept[sel.id];
    if (was != null && [...sel.options].some(o => o.value === was)) sel.value = was;
    sel.addEventListener('change', () => { ui.kept[sel.id] = sel.value; });
    return sel;
  }

  function redraw() {
    if (!ui || !ui.current) return;
    const { v, locked } = ui.current;
    GW.chart.stepGrid(ui.grid, v.drums, v.bars, { sections: v.sections, locked: locked.has('drums'), stepsPerBar: v.steps_per_bar });
    GW.chart.pianoRoll(ui.roll, v.parts, v.bars, { height: 220, barBeats: (v.steps_per_bar || 16) / 4 });
  }
})();
