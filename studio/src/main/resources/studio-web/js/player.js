// The A/B player: every source plays at once from the same position and only the chosen one is heard,
// so switching is instant and lands at exactly the same place. Loudness-matched by default, so the
// louder candidate does not win just for being louder.
'use strict';
GW.ABPlayer = class {
  constructor(onTick) {
    this.sources = new Map();
    this.activeId = null;
    this.matched = true;
    this.playing = false;
    this.onTick = onTick || (() => {});
    this.tick = this.tick.bind(this);
  }

  ctx() {
    if (!GW.audioCtx) GW.audioCtx = new (window.AudioContext || window.webkitAudioContext)();
    if (GW.audioCtx.state === 'suspended') GW.audioCtx.resume();
    return GW.audioCtx;
  }

  // list: [{id, label, url, lufs}]; keeps the position and the active source when it still exists
  setSources(list) {
    const pos = this.position();
    for (const [id, s] of this.sources) if (!list.find(x => x.id === id && x.url === s.url)) { s.audio.pause(); s.audio.removeAttribute('src'); s.audio.load(); this.sources.delete(id); }
    for (const item of list) {
      if (this.sources.has(item.id)) { Object.assign(this.sources.get(item.id), { label: item.label, lufs: item.lufs }); continue; }
      const audio = new Audio();
      audio.preload = 'auto';
      audio.src = item.url;
      audio.addEventListener('ended', () => { if (item.id === this.activeId) this.pause(); });
      this.sources.set(item.id, { ...item, audio, gain: null });
    }
    if (!this.sources.has(this.activeId)) this.activeId = list.length ? list[0].id : null;
    this.applyGains();
    if (pos > 0) this.seek(pos);
  }

  wire(s) {
    if (s.gain) return;
    const c = this.ctx();
    const node = c.createMediaElementSource(s.audio);
    s.gain = c.createGain();
    node.connect(s.gain).connect(c.destination);
    s.audio.volume = 1; // from now on the gain node does the switching
  }

  // Loudness matching: every source at the same level. The level is the master module's preview level when
  // given (the quietest candidate, no louder than the original can go without passing the ceiling), else the
  // quietest source (never up, so never clipping).
  gainFor(s) {
    if (!this.matched || s.lufs === null || s.lufs === undefined) return 1;
    const known = [...this.sources.values()].map(x => x.lufs).filter(v => v !== null && v !== undefined && isFinite(v));
    if (!known.length) return 1;
    const level = (this.level !== null && this.level !== undefined && isFinite(this.level)) ? this.level : Math.min(...known);
    return Math.pow(10, (level - s.lufs) / 20);
  }

  applyGains() {
    for (const [id, s] of this.sources) {
      const g = id === this.activeId ? this.gainFor(s) : 0;
      if (s.gain) s.gain.gain.setTargetAtTime(g, this.ctx().currentTime, 0.005);
      else s.audio.volume = Math.min(1, g);
    }
  }

  active() { return this.sources.get(this.activeId); }
  position() { const a = this.active(); return a ? a.audio.currentTime : 0; }
  duration() { const a = this.active(); return a && isFinite(a.audio.duration) ? a.audio.duration : 0; }

  select(id) {
    if (!this.sources.has(id)) return;
    const pos = this.position();
    this.activeId = id;
    const a = this.active();
    if (Math.abs(a.audio.currentTime - pos) > 0.03) a.audio.currentTime = pos;
    this.applyGains();
    this.onTick();
  }

  setMatched(on) { this.matched = on; this.applyGains(); this.onTick(); }

  async play() {
    if (!this.sources.size) return;
    this.ctx();
    const pos = this.position();
    for (const s of this.sources.values()) { this.wire(s); s.audio.currentTime = pos; }
    this.applyGains();
    this.playing = true;
    await Promise.all([...this.sources.values()].map(s => s.audio.play().catch(e => console.warn('play', e))));
    requestAnimationFrame(this.tick);
  }

  pause() {
    this.playing = false;
    for (const s of this.sources.values()) s.audio.pause();
    this.onTick();
  }

  toggle() { this.playing ? this.pause() : this.play(); }

  seek(seconds) {
    for (const s of this.sources.values()) { try { s.audio.currentTime = Math.max(0, seconds); } catch (e) { /* not loaded yet */ } }
    this.onTick();
  }

  // Keeps the silent sources within a few milliseconds of the one being heard.
  tick() {
    const a = this.active();
    if (a) for (const s of this.sources.values()) if (s !== a && Math.abs(s.audio.currentTime - a.audio.currentTime) > 0.04) s.audio.currentTime = a.audio.currentTime;
    this.onTick();
    if (this.playing) requestAnimationFrame(this.tick);
  }

  stop() { this.pause(); for (const s of this.sources.values()) { s.audio.removeAttribute('src'); s.audio.load(); } this.sources.clear(); }
};
