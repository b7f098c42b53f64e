// SPDX-License-Identifier: AGPL-3.0-or-later
// The desk page's own script (after i18n.js and page.js; the Content-Security-Policy allows no inline code).
// Everything from the server is put on the page with textContent, never as markup. The desk follows the server's
// events (api/desk/events); no reload. A language change re-renders the desk and the pop from what was received.
const { say, call, cell } = Page;
let desk = null;
let shownEntry = null;
let pop = null;
let lockouts = [];
let targets = { queues: [], officers: [] };

function render(view) {
  desk = view;
  $('officer').textContent = view.officer;
  delete $('state').dataset.i18n; // from now on the desk's state, not "connecting"
  $('state').textContent = I18n.t('state.' + view.status);
  document.body.dataset.state = view.status;
  $('incoming').hidden = view.status !== 'RESERVED' || !view.offerId;
  $('rings-until').textContent = I18n.dateTime(view.ringsUntil);
  $('wrap-up').hidden = view.status !== 'WRAP_UP' || !view.entryId;
  $('transfer').hidden = view.status !== 'BUSY' || !view.entryId;
  if (view.entryId && view.entryId !== shownEntry) {
    loadPop(view.entryId);
  } else if (!view.entryId) {
    shownEntry = null;
    pop = null;
    $('pop').hidden = true;
  }
}

async function loadPop(entryId) {
  shownEntry = entryId;
  try { pop = await call('GET', 'api/desk/callers/' + entryId); } catch (e) { say(e.message); return; }
  renderPop();
}

/** What happened in a step ("declined-51", "holder-name-declined-14", "amount") in the page's language. */
function detailWords(detail) {
  const declined = /^(.*?)-?declined-(\w+)$/.exec(detail);
  if (declined) {
    const before = declined[1] ? detailWords(declined[1]) + ' ' : '';
    return before + I18n.t('step.declined', declined[2]);
  }
  return I18n.tOr('step.' + detail, I18n.tOr('reason.' + detail, detail.replace(/[-_]/g, ' ')));
}

/** "Card-to-card transfer: declined 51" from a path step: the service, then what happened, in the page's language. */
function stepWords(step) {
  const colon = step.name.indexOf(':');
  if (I18n.language() === 'en' || colon < 0) { return I18n.tOr('path.' + step.name, step.words); }
  const service = step.name.substring(0, colon);
  const detail = step.name.substring(colon + 1);
  return I18n.tOr('path.' + service, step.words) + (detail ? ': ' + detailWords(detail) : '');
}

function renderPop() {
  if (!pop) { return; }
  const persian = I18n.language() === 'fa';
  $('pop-card').textContent = pop.maskedCard || I18n.t('pop.no-card');
  $('pop-holder').textContent = pop.holderName || I18n.t('pop.holder-unknown');
  $('pop-language').textContent = I18n.tOr('language.' + pop.language, pop.language);
  $('pop-authenticated').textContent = I18n.t(pop.authenticated ? 'pop.authenticated.yes' : 'pop.authenticated.no');
  $('pop-reason').textContent = I18n.tOr('reason.' + pop.reason, pop.reasonText) + ' (' + pop.reason + ')';
  $('pop-lockout').textContent = I18n.t(pop.lockedOut === null || pop.lockedOut === undefined
    ? 'pop.lockout.unknown' : (pop.lockedOut ? 'pop.lockout.locked' : 'pop.lockout.not-locked'));
  const path = $('pop-path');
  path.replaceChildren();
  for (const step of pop.path) {
    const li = document.createElement('li');
    li.textContent = stepWords(step);
    li.title = step.name;
    path.appendChild(li);
  }
  const requests = $('pop-requests');
  requests.replaceChildren();
  for (const r of pop.switchRequests) {
    const row = document.createElement('tr');
    cell(row, I18n.tOr('request.' + r.type, r.type), 'type');
    cell(row, I18n.rials(r.amount), 'amount');
    // Identifiers read back to the switch's staff keep Latin digits, left to right, on Persian pages too.
    cell(row, r.stan, 'stan ident'); cell(row, r.rrn, 'rrn ident'); cell(row, r.responseCode, 'code ident');
    if (persian) {
      cell(row, r.meaningPersian, 'meaning');
    } else {
      const meaning = cell(row, r.meaning + ' / ', 'meaning');
      const words = document.createElement('span');
      words.className = 'persian'; words.lang = 'fa'; words.textContent = r.meaningPersian;
      meaning.appendChild(words);
    }
    cell(row, I18n.tOr('entry.' + r.state, r.state), 'state');
    requests.appendChild(row);
  }
  const history = $('pop-history');
  history.replaceChildren();
  if (pop.history.length === 0) {
    const row = document.createElement('tr');
    cell(row, I18n.t('pop.no-history')).colSpan = 4;
    history.appendChild(row);
  }
  for (const h of pop.history) {
    const row = document.createElement('tr');
    cell(row, I18n.dateTime(h.at)); cell(row, I18n.tOr('ending.' + h.ending, h.ending));
    cell(row, h.escalationReason ? I18n.tOr('reason.' + h.escalationReason, h.escalationReason) : '');
    cell(row, h.wrapUpCode ? I18n.tOr('wrap.' + h.wrapUpCode, h.wrapUpWords) + ' (' + h.wrapUpCode + ')' : '');
    history.appendChild(row);
  }
  $('pop').hidden = false;
  document.dispatchEvent(new CustomEvent('pop-shown', { detail: pop })); // knowledge-suggest.js
}

async function act(method, path, body, done) {
  say('');
  try { render(await call(method, path, body)); if (done) { done(); } } catch (e) { say(e.message); }
}

$('ready').onclick = () => act('POST', 'api/desk/status', { status: 'READY' });
$('away').onclick = () => act('POST', 'api/desk/status', { status: 'AWAY' });
$('accept').onclick = () => act('POST', 'api/desk/offers/' + desk.offerId + '/accept');
$('refuse').onclick = () => act('POST', 'api/desk/offers/' + desk.offerId + '/refuse');
$('wrap-up-form').addEventListener('submit', (event) => {
  event.preventDefault();
  act('POST', 'api/desk/callers/' + desk.entryId + '/wrap-up',
      { code: $('wrap-code').value, note: $('wrap-note').value },
      () => { $('wrap-note').value = ''; say(I18n.t('wrap.done')); });
});

$('transfer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const choice = $('transfer-to').value;
  const colon = choice.indexOf(':');
  const body = { [choice.substring(0, colon)]: choice.substring(colon + 1) };
  act('POST', 'api/desk/callers/' + desk.entryId + '/transfer', body, () => say(I18n.t('transfer.done')));
});

/** The transfer form's choices: queues by their words, other officers by id. */
function renderTargets() {
  const chosen = $('transfer-to').value;
  $('transfer-queues').label = I18n.t('transfer.queues');
  $('transfer-officers').label = I18n.t('transfer.officers');
  const fill = (group, values, kind, words) => {
    group.replaceChildren();
    for (const value of values) {
      const option = document.createElement('option');
      option.value = kind + ':' + value;
      option.textContent = words(value);
      group.appendChild(option);
    }
  };
  fill($('transfer-queues'), targets.queues, 'queue', (q) => I18n.tOr('queue.' + q, q));
  fill($('transfer-officers'), targets.officers, 'officer', (o) => o);
  if (chosen) { $('transfer-to').value = chosen; }
}

async function loadTargets() {
  try { targets = await call('GET', 'api/desk/transfer-targets'); } catch (e) { say(e.message); }
  renderTargets();
}

function follow() {
  const events = new EventSource('api/desk/events');
  events.addEventListener('desk', (event) => render(JSON.parse(event.data)));
  events.addEventListener('refused', (event) => { say(event.data); events.close(); });
  events.onerror = async () => {
    // The browser reconnects by itself; a signed-out session must go to the sign-in page instead.
    const response = await fetch('api/desk', { credentials: 'same-origin' });
    if (response.status === 401) { events.close(); window.location.replace('sign-in.html'); }
  };
}

async function loadLockouts() {
  const response = await fetch('api/lockouts', { credentials: 'same-origin' });
  if (!response.ok) { say(I18n.t('lockouts.load-failed', response.status)); return; }
  lockouts = await response.json();
  renderLockouts();
}

function renderLockouts() {
  const rows = $('locked');
  rows.replaceChildren();
  for (const card of lockouts) {
    const row = document.createElement('tr');
    row.dataset.card = card.maskedCard;
    cell(row, card.maskedCard, 'ident'); cell(row, I18n.dateTime(card.lockedAt));
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.textContent = I18n.t('lockouts.unlock');
    button.onclick = () => unlock(card);
    action.appendChild(button); row.appendChild(action);
    rows.appendChild(row);
  }
}

async function unlock(card) {
  const response = await fetch('api/lockouts/' + card.fingerprint + '/unlock',
                               { method: 'POST', credentials: 'same-origin', headers: CHANGE });
  say(response.ok ? I18n.t('lockouts.unlocked', card.maskedCard)
                  : I18n.t('lockouts.unlock-failed', card.maskedCard, response.status));
  await loadLockouts();
}

I18n.onChange(() => { if (desk) { render(desk); } renderPop(); renderLockouts(); renderTargets(); });

(async () => {
  const me = await Page.signedIn();
  if (me.roles.includes('officer')) {
    follow();
    loadTargets();
  } else {
    // A supervisor takes no calls here: the page is their lockouts, with the wallboard a link away.
    $('officer').textContent = me.user;
    for (const id of ['ready', 'away', 'state']) { $(id).hidden = true; }
  }
  loadLockouts();
})();
