// Talking to the studio server: JSON calls, uploads, the shared event stream, small DOM helpers.
'use strict';
const GW = window.GW = {};

GW.api = async function (method, url, body) {
  const opts = { method, headers: {} };
  if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
  const res = await fetch(url, opts);
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
  if (!res.ok) throw new Error((data && data.error) || (res.status + ' ' + res.statusText));
  return data;
};

// Uploads with a progress line (fetch cannot report upload progress; XMLHttpRequest can).
GW.upload = function (url, files) {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  const total = files.reduce((n, f) => n + f.size, 0);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = e => {
      if (e.lengthComputable && total > 2e6) GW.toast('uploading ' + Math.round(100 * e.loaded / e.total) + ' % of ' + (total / 1e6).toFixed(0) + ' MB…', true);
    };
    xhr.onload = () => {
      let data;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = { error: xhr.statusText || 'upload failed' }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data); else reject(new Error(data.error || xhr.statusText));
    };
    xhr.onerror = () => reject(new Error('upload failed: the studio did not answer'));
    xhr.send(form);
  });
};

GW.fileUrl = (project, path, download) =>
  '/api/projects/' + encodeURIComponent(project) + '/files/' + path.split('/').map(encodeURIComponent).join('/') + (download ? '?download=1' : '');
GW.overviewUrl = (project, path) =>
  '/api/projects/' + encodeURIComponent(project) + '/overview/' + path.split('/').map(encodeURIComponent).join('/');

const overviewCache = new Map();
GW.overview = function (project, path) {
  const key = project + '|' + path;
  if (!overviewCache.has(key)) {
    const p = GW.api('GET', GW.overviewUrl(project, path));
    p.catch(() => overviewCache.delete(key));
    overviewCache.set(key, p);
  }
  return overviewCache.get(key);
};

// One event stream per tab; every tab gets every job and project change.
GW.listeners = { job: [], project: [], hello: [], open: [], close: [] };
GW.on = (ev, fn) => GW.listeners[ev].push(fn);
GW.connect = function () {
  const es = new EventSource('/api/events');
  const fire = (ev, data) => GW.listeners[ev].forEach(fn => { try { fn(data); } catch (e) { console.error(e); } });
  es.addEventListener('open', () => fire('open'));
  es.addEventListener('error', () => fire('close'));
  for (const ev of ['job', 'project', 'hello']) {
    es.addEventListener(ev, e => fire(ev, JSON.parse(e.data)));
  }
  GW.events = es;
};

// Waits for a job (by id) to finish, resolving with its final view.
const jobWaiters = new Map();
GW.on('job', job => {
  if (job.status === 'DONE' || job.status === 'FAILED') {
    const w = jobWaiters.get(job.id);
    if (w) { jobWaiters.delete(job.id); job.status === 'DONE' ? w.resolve(job) : w.reject(new Error(job.error)); }
  }
});
GW.runJob = async function (url, body) {
  const job = await GW.api('POST', url, body);
  return new Promise((resolve, reject) => {
    jobWaiters.set(job.id, { resolve, reject });
    // The job may have finished before we started waiting: ask once.
    GW.api('GET', '/api/jobs/' + job.id).then(j => {
      if (j.status === 'DONE' && jobWaiters.has(j.id)) { jobWaiters.delete(j.id); resolve(j); }
      if (j.status === 'FAILED' && jobWaiters.has(j.id)) { jobWaiters.delete(j.id); reject(new Error(j.error)); }
    }).catch(() => {});
  });
};

GW.el = function (tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'html') e.innerHTML = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) e.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
  return e;
};

GW.toast = function (msg, info) {
  const t = document.getElementById('toast');
  t.textContent = msg; t.hidden = false; t.className = 'toast' + (info ? ' info' : '');
  clearTimeout(GW.toastTimer);
  GW.toastTimer = setTimeout(() => { t.hidden = true; }, info ? 2500 : 6000);
};

// Runs an async action and shows its error, never an unhandled rejection.
GW.guard = fn => async (...args) => { try { return await fn(...args); } catch (e) { GW.toast(e.message); console.warn(e); } };

GW.fmt = (v, digits, unit) => (v === null || v === undefined || !isFinite(v)) ? '—' : Number(v).toFixed(digits) + (unit || '');
GW.time = s => { if (!isFinite(s)) s = 0; const m = Math.floor(s / 60); return m + ':' + (s - m * 60).toFixed(2).padStart(5, '0'); };
GW.dropzone = function (label, multiple, accept, onFiles) {
  const input = GW.el('input', { type: 'file', multiple, accept });
  const z = GW.el('label', { class: 'dropzone' }, input, GW.el('div', {}, label), GW.el('div', { class: 'muted', style: 'font-size:12px' }, 'drop here or click to choose'));
  input.addEventListener('change', () => { if (input.files.length) onFiles([...input.files]); input.value = ''; });
  z.addEventListener('dragover', e => { e.preventDefault(); z.classList.add('over'); });
  z.addEventListener('dragleave', () => z.classList.remove('over'));
  z.addEventListener('drop', e => { e.preventDefault(); z.classList.remove('over'); if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]); });
  return z;
};
