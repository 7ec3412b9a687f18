// The shell: projects, tabs, the job list and the decision log with undo, kept live by server events.
'use strict';
GW.pages = GW.pages || {};
GW.state = { project: null, view: null, page: 'master', engines: {} };

(function () {
  const $ = id => document.getElementById(id);

  async function loadProjects(select) {
    const list = await GW.api('GET', '/api/projects');
    const sel = $('project-select');
    sel.innerHTML = '';
    if (!list.length) sel.append(GW.el('option', { value: '' }, 'no project yet'));
    for (const p of list) sel.append(GW.el('option', { value: p.id }, p.name));
    const want = select || GW.state.project || localStorage.getItem('gw.project');
    const id = list.find(p => p.id === want) ? want : (list[0] && list[0].id);
    if (id) { sel.value = id; await openProject(id); }
    else renderPage();
  }

  async function openProject(id) {
    GW.state.project = id;
    localStorage.setItem('gw.project', id);
    location.hash = id + '/' + GW.state.page;
    await refresh();
  }

  async function refresh() {
    if (!GW.state.project) return;
    GW.state.view = await GW.api('GET', '/api/projects/' + GW.state.project);
    renderDecisions();
    const page = GW.pages[GW.state.page];
    if (page && page.mountedFor === GW.state.project) page.update(GW.state.view);
    else renderPage();
  }
  GW.refresh = refresh;

  function renderPage() {
    for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.page === GW.state.page);
    for (const p of Object.values(GW.pages)) if (p.unmount && p.mountedFor) { p.unmount(); p.mountedFor = null; }
    const main = $('page');
    main.innerHTML = '';
    if (!GW.state.project) {
      renderDecisions(); // nothing to undo yet: the log says where choices will appear, and Undo is off
      main.append(GW.el('div', { class: 'empty' }, GW.el('h2', {}, 'Welcome to the studio'),
        GW.el('p', {}, 'Projects are plain folders in your workspace. Start one to make a beat, mix stems or master a track.'),
        GW.el('button', { class: 'primary', onclick: newProject }, 'Create a project')));
      return;
    }
    const page = GW.pages[GW.state.page];
    page.mount(main, GW.state.view);
    page.mountedFor = GW.state.project;
  }

  function renderDecisions() {
    const ol = $('decisions');
    ol.innerHTML = '';
    const v = GW.state.view;
    if (!v || !v.decisions.length) { ol.append(GW.el('li', { class: 'muted' }, 'Every choice you make appears here.')); $('undo').disabled = true; return; }
    const active = new Set(v.active);
    for (const d of v.decisions.slice().reverse()) {
      const undone = d.action !== 'undo' && !active.has(d.seq);
      ol.append(GW.el('li', { class: d.action === 'undo' ? 'undo-line' : (undone ? 'undone' : ''), value: d.seq, title: d.at },
        GW.el('span', { class: 'page-tag' }, d.page), d.summary));
    }
    $('undo').disabled = !v.active.length;
  }

  function renderJobs(jobs) {
    const ul = $('jobs');
    ul.innerHTML = '';
    const list = [...jobs.values()].reverse().slice(0, 12);
    if (!list.length) { ul.append(GW.el('li', { class: 'muted' }, 'No jobs yet.')); return; }
    for (const j of list) {
      const pct = Math.round((j.status === 'DONE' ? 1 : j.fraction) * 100);
      ul.append(GW.el('li', { class: 'job-' + j.status.toLowerCase(), 'data-job': j.id },
        GW.el('div', {}, GW.el('b', {}, j.label)),
        GW.el('div', { class: 'muted' }, j.status === 'FAILED' ? GW.el('span', { class: 'job-failed' }, j.error) : (j.stage + ' · ' + pct + ' %')),
        GW.el('div', { class: 'bar' }, GW.el('i', { style: 'width:' + pct + '%' }))));
    }
  }

  async function newProject() {
    const name = prompt('Name of the new project', 'Untitled ' + new Date().toISOString().slice(0, 10));
    if (!name) return;
    const p = await GW.api('POST', '/api/projects', { name });
    await loadProjects(p.id);
  }
  GW.newProject = GW.guard(newProject);

  const jobs = new Map();
  GW.jobs = jobs;
  GW.on('hello', h => { jobs.clear(); h.jobs.forEach(j => jobs.set(j.id, j)); renderJobs(jobs); });
  GW.on('job', j => { jobs.set(j.id, j); renderJobs(jobs); if (j.status === 'FAILED' && j.project === GW.state.project) GW.toast(j.label + ': ' + j.error); });
  GW.on('project', e => { if (e.id === GW.state.project) refresh().catch(err => GW.toast(err.message)); });
  GW.on('open', () => { $('conn-dot').classList.add('live'); $('conn-text').textContent = 'live'; });
  GW.on('close', () => { $('conn-dot').classList.remove('live'); $('conn-text').textContent = 'reconnecting…'; });

  window.addEventListener('DOMContentLoaded', GW.guard(async () => {
    const [hashProject, hashPage] = location.hash.slice(1).split('/');
    if (GW.pages[hashPage]) GW.state.page = hashPage;
    for (const b of document.querySelectorAll('#tabs button')) {
      b.addEventListener('click', () => { GW.state.page = b.dataset.page; if (GW.state.project) location.hash = GW.state.project + '/' + GW.state.page; renderPage(); });
    }
    $('project-select').addEventListener('change', GW.guard(e => openProject(e.target.value)));
    $('new-project').addEventListener('click', GW.newProject);
    $('undo').addEventListener('click', GW.guard(async () => {
      await GW.api('POST', '/api/projects/' + GW.state.project + '/undo');
      await refresh();
    }));
    const status = await GW.api('GET', '/api/status');
    GW.state.engines = status.engines;
    GW.connect();
    await loadProjects(hashProject);
  }));
})();
