// SPDX-License-Identifier: AGPL-3.0-or-later
// The desk page's only script: the Content-Security-Policy allows no inline code. Everything from the server is put
// on the page with textContent, never as markup. The desk follows the server's events (api/desk/events); no reload.
const $ = (id) => document.getElementById(id);
const message = $('message');
const CHANGE = { 'X-Phonebank-Console': '1' }; // the console guard refuses changes without it (CSRF)
let desk = null;
let shownEntry = null;

function say(text) { message.textContent = text; }

async function call(method, path, body) {
  const options = { method, credentials: 'same-origin', headers: { ...CHANGE } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401) { window.location.replace('sign-in.html'); throw new Error('signed out'); }
  let json = null;
  try { json = await response.json(); } catch (e) { /* no body */ }
  if (!response.ok) { throw new Error(json && json.error ? json.error : 'Refused (' + response.status + ').'); }
  return json;
}

function cell(row, text, name) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (name) { td.className = name; }
  row.appendChild(td);
  return td;
}

function render(view) {
  desk = view;
  $('officer').textContent = view.officer;
  $('state').textContent = view.status;
  document.body.dataset.state = view.status;
  $('incoming').hidden = view.status !== 'RESERVED' || !view.offerId;
  $('rings-until').textContent = view.ringsUntil || '';
  $('wrap-up').hidden = view.status !== 'WRAP_UP' || !view.entryId;
  if (view.entryId && view.entryId !== shownEntry) {
    loadPop(view.entryId);
  } else if (!view.entryId) {
    shownEntry = null;
    $('pop').hidden = true;
  }
}

async function loadPop(entryId) {
  shownEntry = entryId;
  let pop;
  try { pop = await call('GET', 'api/desk/callers/' + entryId); } catch (e) { say(e.message); return; }
  $('pop-card').textContent = pop.maskedCard || 'No card keyed';
  $('pop-holder').textContent = pop.holderName || pop.holderNote;
  $('pop-language').textContent = pop.language;
  $('pop-authenticated').textContent = pop.authenticated ? 'Yes: the issuer accepted the PIN' : 'No';
  $('pop-reason').textContent = pop.reasonText + ' (' + pop.reason + ')';
  $('pop-lockout').textContent = pop.lockedOut === null || pop.lockedOut === undefined
    ? 'Unknown: the card reached no switch request' : (pop.lockedOut ? 'Locked' : 'Not locked');
  const path = $('pop-path');
  path.replaceChildren();
  for (const step of pop.path) {
    const li = document.createElement('li');
    li.textContent = step.words;
    li.title = step.name;
    path.appendChild(li);
  }
  const requests = $('pop-requests');
  requests.replaceChildren();
  for (const r of pop.switchRequests) {
    const row = document.createElement('tr');
    cell(row, r.type, 'type'); cell(row, r.amount, 'amount'); cell(row, r.stan, 'stan'); cell(row, r.rrn, 'rrn');
    cell(row, r.responseCode, 'code');
    const meaning = cell(row, r.meaning + ' / ', 'meaning');
    const persian = document.createElement('span');
    persian.className = 'persian'; persian.lang = 'fa'; persian.textContent = r.meaningPersian;
    meaning.appendChild(persian);
    cell(row, r.state, 'state');
    requests.appendChild(row);
  }
  const history = $('pop-history');
  history.replaceChildren();
  if (pop.history.length === 0) {
    const row = document.createElement('tr');
    cell(row, 'No other call of this card in the last 30 days.').colSpan = 4;
    history.appendChild(row);
  }
  for (const h of pop.history) {
    const row = document.createElement('tr');
    cell(row, h.at); cell(row, h.ending); cell(row, h.escalationReason);
    cell(row, h.wrapUpCode ? h.wrapUpWords + ' (' + h.wrapUpCode + ')' : '');
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
      () => { $('wrap-note').value = ''; say('Call written up.'); });
});
$('sign-out').onclick = async () => {
  await fetch('sign-out', { method: 'POST', credentials: 'same-origin', headers: CHANGE });
  window.location.replace('sign-in.html');
};

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
  const rows = $('locked');
  rows.replaceChildren();
  if (!response.ok) { say('Could not load locked cards (' + response.status + ').'); return; }
  const cards = await response.json();
  for (const card of cards) {
    const row = document.createElement('tr');
    row.dataset.card = card.maskedCard;
    cell(row, card.maskedCard); cell(row, card.lockedAt);
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.textContent = 'Unlock';
    button.onclick = () => unlock(card);
    action.appendChild(button); row.appendChild(action);
    rows.appendChild(row);
  }
}

async function unlock(card) {
  const response = await fetch('api/lockouts/' + card.fingerprint + '/unlock',
                               { method: 'POST', credentials: 'same-origin', headers: CHANGE });
  say(response.ok ? 'Unlocked ' + card.maskedCard + '.' : 'Could not unlock ' + card.maskedCard + ' (' + response.status + ').');
  await loadLockouts();
}

follow();
loadLockouts();
