// SPDX-License-Identifier: AGPL-3.0-or-later
// The back office's own script (after ../i18n.js; the Content-Security-Policy allows no inline code). Everything the
// server sends is put on the page as text (textContent), never as markup. Changes carry the console's header, which
// the server's cross-site check requires. Absent values are left out of the server's JSON (undefined here). Labels
// come from the consoles' message catalogues (backoffice.*); codes the server sends (states, kinds, reasons) keep
// their names on English pages and have Persian words on Persian ones. A language change redraws what was shown.
const API = '../api/backoffice/';
const KINDS = ['MISSING_AT_SWITCH', 'UNKNOWN_TO_US', 'AMOUNT_MISMATCH', 'PROCESSING_CODE_MISMATCH', 'DUPLICATE',
  'DECLINED_BUT_SETTLED', 'REVERSED_BUT_SETTLED', 'REVERSAL_QUEUED_BUT_SETTLED', 'REVERSAL_WITHOUT_ORIGINAL'];
const RIALS = { format: (amount) => I18n.number(amount) };
const $ = (id) => document.getElementById(id);
let followed = null; // the run whose progress is shown
let polling = null;
let finished = null; // the followed run once shown as ended (polls still in flight then change nothing more)
let openItem = null; // {id, resolutions}
let lastUpload = null; // what the last upload's answer said, redrawn on a language change

/**
 * A code the server sends (a state, a kind, a reason): itself on English pages (what the switch's and the bank's
 * staff quote), its words on Persian ones.
 */
function code(group, value) {
  return I18n.language() === 'en' ? value : I18n.tOr('backoffice.' + group + '.' + value, value);
}
let daily = null; // the uPlot chart of the last 30 business dates
let dailyRange = [0, 1]; // its first and last business date, seconds since the epoch (UTC midnight)

function say(text) {
  $('message').textContent = text || '';
}

async function call(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (options.method && options.method !== 'GET') {
    headers['X-Phonebank-Console'] = '1';
  }
  const response = await fetch(API + path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  if (response.status === 401) {
    window.location.replace('../sign-in.html');
    throw new Error('signed out');
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  return { status: response.status, ok: response.ok, body };
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function button(label, onClick, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (className) {
    b.className = className;
  }
  b.addEventListener('click', onClick);
  return b;
}

function facts(dl, pairs) {
  dl.replaceChildren();
  if (!pairs) {
    const dd = document.createElement('dd');
    dd.textContent = I18n.t('backoffice.none');
    dl.appendChild(dd);
    return;
  }
  for (const [name, value] of pairs) {
    const dt = document.createElement('dt');
    dt.textContent = I18n.tOr('backoffice.fact.' + name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, ''),
      name);
    const dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined ? '' : String(value);
    dd.dataset.fact = name;
    dl.append(dt, dd);
  }
}

// Upload: the file's bytes as the body; the server reads them as data, up to its size limit.
$('upload').addEventListener('click', async () => {
  say('');
  $('upload-result').textContent = '';
  $('upload-errors').replaceChildren();
  const file = $('file').files[0];
  if (!file) {
    say(I18n.t('backoffice.file.choose'));
    return;
  }
  const answer = await call('files?name=' + encodeURIComponent(file.name), {
    method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file
  });
  if (answer.status === 201) {
    $('run-date').value = answer.body.businessDate;
  }
  if ([200, 201, 422].includes(answer.status)) {
    lastUpload = answer;
    showUpload();
  } else {
    say(answer.body && answer.body.error ? answer.body.error : I18n.t('backoffice.file.failed', answer.status));
  }
});

function showUpload() {
  if (!lastUpload) {
    return;
  }
  const body = lastUpload.body;
  $('upload-errors').replaceChildren();
  if (lastUpload.status === 201) {
    $('upload-result').textContent = I18n.t('backoffice.file.loaded', body.fileId, body.businessDate,
      I18n.number(body.details));
  } else if (lastUpload.status === 200) {
    $('upload-result').textContent = I18n.t('backoffice.file.already', body.fileId);
  } else {
    $('upload-result').textContent = I18n.t('backoffice.file.quarantined', body.fileId);
    for (const error of body.errors) {
      const li = document.createElement('li');
      li.textContent = (error.line === 0 ? I18n.t('backoffice.file.whole') : I18n.t('backoffice.file.line', error.line))
        + ': ' + error.message;
      $('upload-errors').appendChild(li);
    }
  }
}

$('start-run').addEventListener('click', async () => {
  say('');
  const answer = await call('runs', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ businessDate: $('run-date').value.trim() })
  });
  if (answer.status === 202) {
    follow(answer.body.id);
  } else {
    say(answer.body && answer.body.error ? answer.body.error : I18n.t('backoffice.runs.not-started', answer.status));
  }
});

// Progress is polled every second while the run goes on (items read, matched, exceptions).
function follow(runId) {
  followed = runId;
  finished = null;
  if (polling) {
    clearInterval(polling);
  }
  polling = setInterval(showProgress, 1000);
  showProgress();
}

let shownRun = null; // the followed run as last read

async function showProgress() {
  const answer = await call('runs/' + followed);
  if (!answer.ok) {
    return;
  }
  const run = answer.body;
  shownRun = run;
  drawProgress(run);
  if (run.state !== 'STARTED') {
    // On a slow link several polls are in flight when the run ends: only the first ends it, so the worklist is
    // drawn once (a second drawing would swap the rows under the user's click).
    if (finished === run.id) {
      return;
    }
    finished = run.id;
    clearInterval(polling);
    polling = null;
    loadRuns();
    if (run.state === 'COMPLETED') {
      showWorklist(run.id);
    }
  }
}

function drawProgress(run) {
  $('progress').hidden = false;
  $('run-id').textContent = String(run.id);
  $('run-date-shown').textContent = run.businessDate + ' (' + run.businessDateSolarHijri + ')';
  $('run-state').textContent = code('state', run.state);
  $('run-groups').textContent = I18n.t('backoffice.progress.groups-done', I18n.number(run.groupsDone),
    run.groupsTotal == null ? '?' : I18n.number(run.groupsTotal));
  $('run-items').textContent = I18n.number(run.items);
  $('run-matched').textContent = I18n.number(run.matched);
  $('run-exceptions').textContent = I18n.number(run.exceptions);
  const body = $('run-kinds').tBodies[0];
  body.replaceChildren();
  for (const kind of run.kinds.filter((k) => k.count > 0)) {
    const row = body.insertRow();
    cell(row, code('kind', kind.kind));
    cell(row, I18n.number(kind.count), 'amount');
    cell(row, RIALS.format(kind.amount), 'amount');
  }
  if (run.state !== 'STARTED') {
    $('report-link').href = API + 'runs/' + run.id + '/report.csv';
    $('report-link').hidden = run.state !== 'COMPLETED';
    $('report-pdf-link').href = API + 'runs/' + run.id + '/report.pdf';
    $('report-pdf-link').hidden = run.state !== 'COMPLETED';
  }
}

async function loadRuns() {
  const answer = await call('runs');
  if (!answer.ok) {
    return;
  }
  const body = $('runs').tBodies[0];
  body.replaceChildren();
  for (const run of answer.body) {
    const row = body.insertRow();
    cell(row, run.id);
    cell(row, run.businessDate);
    cell(row, run.businessDateSolarHijri);
    cell(row, code('state', run.state));
    cell(row, I18n.number(run.items), 'amount');
    cell(row, I18n.number(run.exceptions), 'amount');
    const actions = row.insertCell();
    actions.appendChild(button(I18n.t('backoffice.runs.follow'), () => follow(run.id)));
    actions.appendChild(button(I18n.t('backoffice.runs.again'), async () => {
      $('run-date').value = run.businessDate;
      $('start-run').click();
    }));
  }
  drawDaily();
}

const DAY_SECONDS = 86400;
const dayOf = (date) => Date.parse(date + 'T00:00:00Z') / 1000;
const dateOf = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

// Items as bars and exceptions as a line over the 30 business dates ending at the latest reconciled one; a date
// without a completed run is a gap. uPlot comes from the console's own WebJar, as on the wallboard.
// Runs are listed (and the chart asked for) from several places; under load an earlier answer can arrive after a
// later one, so only the answer to the latest question is drawn (an old one would put back a day before its run).
let dailyAsked = 0;

async function drawDaily() {
  const asked = ++dailyAsked;
  const answer = await call('runs/daily');
  if (!answer.ok || asked !== dailyAsked) {
    return;
  }
  const days = answer.body.days;
  dailyRange = [dayOf(answer.body.from) - DAY_SECONDS / 2, dayOf(answer.body.to) + DAY_SECONDS / 2];
  const data = [days.map((d) => dayOf(d.businessDate)), days.map((d) => d.items), days.map((d) => d.exceptions)];
  $('daily-empty').hidden = days.length > 0;
  $('daily-chart').dataset.days = String(days.length);
  if (daily) {
    daily.setData(data);
    return;
  }
  const count = (u, v) => (v === null || v === undefined ? '–' : RIALS.format(v));
  daily = new uPlot({
    width: Math.max(320, $('daily-chart').clientWidth || 640),
    height: 220,
    series: [
      { label: 'business date', value: (u, v) => (v === null || v === undefined ? '–' : dateOf(v)) },
      { label: 'items', stroke: '#1f5fa8', fill: 'rgba(31, 95, 168, 0.3)', value: count,
        paths: uPlot.paths.bars({ size: [0.6, 24] }), points: { show: false } },
      { label: 'exceptions', stroke: '#c0392b', width: 2, value: count, points: { show: true, size: 6 } }
    ],
    scales: { x: { time: true, range: () => dailyRange }, y: { range: (u, min, max) => [0, Math.max(4, max)] } },
    axes: [
      { values: (u, splits) => splits.map((v) => dateOf(v).slice(5)) },
      { values: (u, splits) => splits.map((v) => RIALS.format(v)) }
    ]
  }, data, $('daily-chart'));
}

function showWorklist(runId) {
  $('worklist-section').hidden = false;
  $('worklist-run').textContent = String(runId);
  $('worklist-section').dataset.run = String(runId);
  loadItems();
}

$('filter').addEventListener('click', () => loadItems());

async function loadItems() {
  const runId = $('worklist-section').dataset.run;
  const query = new URLSearchParams();
  if ($('filter-kind').value) {
    query.set('kind', $('filter-kind').value);
  }
  if ($('filter-status').value) {
    query.set('status', $('filter-status').value);
  }
  const answer = await call('runs/' + runId + '/items?' + query.toString());
  if (!answer.ok) {
    say(answer.body && answer.body.error ? answer.body.error : I18n.t('backoffice.worklist.failed'));
    return;
  }
  const body = $('items').tBodies[0];
  body.replaceChildren();
  for (const item of answer.body) {
    const row = body.insertRow();
    row.dataset.item = item.id;
    cell(row, item.id);
    cell(row, code('kind', item.kind), 'kind');
    cell(row, RIALS.format(item.amount), 'amount');
    cell(row, code('status', item.status), 'status');
    cell(row, item.latestReason ? I18n.t('backoffice.worklist.latest', code('reason', item.latestReason), item.latestBy) : '');
    row.insertCell().appendChild(button(I18n.t('backoffice.worklist.open'), () => openChain(item.id), 'open-item'));
  }
}

async function openChain(itemId) {
  say('');
  const answer = await call('items/' + encodeURIComponent(itemId));
  if (!answer.ok) {
    say(answer.body && answer.body.error ? answer.body.error : I18n.t('backoffice.item.failed', itemId));
    return;
  }
  shownChain = answer.body;
  drawChain(shownChain);
}

let shownChain = null; // the item's chain as last read

function drawChain(chain) {
  openItem = { id: chain.item.id, resolutions: chain.item.resolutions };
  $('item').hidden = false;
  $('item-id').textContent = chain.item.id;
  $('item-kind').textContent = code('kind', chain.item.kind) + ' (' + code('status', chain.item.status) + ')';
  const l = chain.line;
  facts($('item-line'), l && [['file', l.fileName + ' (' + l.fileId + '), line ' + l.lineNo], ['MTI', l.mti],
    ['processing code', l.processingCode], ['STAN', l.stan], ['RRN', l.rrn], ['terminal', l.terminal],
    ['local time', l.localDate + ' ' + l.localTime], ['card', l.maskedCard], ['amount', RIALS.format(l.amount)],
    ['response code', l.responseCode], ['fee', RIALS.format(l.fee)]]);
  const e = chain.entry;
  facts($('item-entry'), e && [['entry', e.id], ['type', e.type], ['STAN', e.stan], ['RRN', e.rrn],
    ['response code', e.responseCode], ['state', e.state], ['amount', e.amount == null ? '' : RIALS.format(e.amount)],
    ['card', e.maskedCard], ['sent at (UTC)', e.transmittedAt], ['business date', e.businessDate],
    ['call', e.callId]]);
  const r = chain.reversal;
  facts($('item-reversal'), r && [['MTI', r.mti], ['state', r.state], ['attempts', r.attempts],
    ['last attempt', r.lastAttemptAt], ['acknowledged', r.acknowledgedAt], ['response code', r.responseCode],
    ['set aside because', r.deadLetterReason], ['closed because', r.closedReason]]);
  const c = chain.call;
  facts($('item-call'), c && [['call', c.callId], ['caller', c.maskedCaller || I18n.t('backoffice.unknown')], ['started (UTC)', c.startedAt],
    ['ended (UTC)', c.endedAt], ['language', c.language], ['ending', c.ending]]);
  $('item-path').replaceChildren();
  for (const step of c ? c.path : []) {
    const li = document.createElement('li');
    li.textContent = step;
    $('item-path').appendChild(li);
  }
  $('item-resolutions').replaceChildren();
  for (const res of chain.resolutions) {
    const li = document.createElement('li');
    li.textContent = I18n.t('backoffice.item.resolution', code('reason', res.reason), res.resolvedBy, res.resolvedAt,
      res.note);
    $('item-resolutions').appendChild(li);
  }
  $('item-elsewhere').replaceChildren();
  for (const other of chain.elsewhere) {
    const li = document.createElement('li');
    li.appendChild(button(other.id, () => openChain(other.id)));
    li.append(' ' + code('kind', other.kind) + ' (' + code('status', other.status) + ')');
    $('item-elsewhere').appendChild(li);
  }
  $('resolve-submit').textContent = chain.item.resolutions === 0 ? I18n.t('backoffice.resolve.submit')
    : I18n.t('backoffice.resolve.supersede', I18n.number(chain.item.resolutions));
}

$('resolve').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('');
  const answer = await call('items/' + encodeURIComponent(openItem.id) + '/resolutions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason: $('resolve-reason').value, note: $('resolve-note').value, follows: openItem.resolutions })
  });
  if (answer.status === 201) {
    $('resolve-note').value = '';
    say('');
    await openChain(openItem.id);
    await loadItems();
  } else {
    say(answer.body && answer.body.error ? answer.body.error : I18n.t('backoffice.resolve.failed', answer.status));
  }
});

$('sign-out').addEventListener('click', async () => {
  await fetch('../sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'X-Phonebank-Console': '1' } });
  window.location.replace('../sign-in.html');
});

function fillKinds() {
  const chosen = $('filter-kind').value;
  $('filter-kind').querySelectorAll('option[value]:not([value=""])').forEach((o) => o.remove());
  for (const kind of KINDS) {
    const option = document.createElement('option');
    option.value = kind;
    option.textContent = I18n.tOr('backoffice.kind.' + kind, kind.toLowerCase().replaceAll('_', ' '));
    $('filter-kind').appendChild(option);
  }
  $('filter-kind').value = chosen;
}

function showToday() {
  $('today').textContent = I18n.date(new Date());
}

// A language change redraws what the page shows from what was last read (lists are read again).
I18n.onChange(() => {
  showToday();
  fillKinds();
  showUpload();
  if (shownRun) {
    drawProgress(shownRun);
  }
  if (shownChain) {
    drawChain(shownChain);
  }
  loadRuns();
  if (!$('worklist-section').hidden) {
    loadItems();
  }
});

I18n.ready.then(() => {
  showToday();
  fillKinds();
  loadRuns();
});
