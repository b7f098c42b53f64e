// SPDX-License-Identifier: AGPL-3.0-or-later
// The page's only script: the Content-Security-Policy allows no inline code.
const message = document.getElementById('message');
async function load() {
  const response = await fetch('api/lockouts');
  const rows = document.getElementById('locked');
  rows.replaceChildren();
  if (!response.ok) { message.textContent = 'Could not load locked cards (' + response.status + ').'; return; }
  const cards = await response.json();
  if (cards.length === 0) { message.textContent = 'No card is locked.'; }
  for (const card of cards) {
    const row = document.createElement('tr');
    row.dataset.card = card.maskedCard;
    for (const text of [card.maskedCard, card.lockedAt]) {
      const cell = document.createElement('td'); cell.textContent = text; row.appendChild(cell);
    }
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.textContent = 'Unlock';
    button.onclick = () => unlock(card);
    action.appendChild(button); row.appendChild(action);
    rows.appendChild(row);
  }
}
async function unlock(card) {
  const response = await fetch('api/lockouts/' + card.fingerprint + '/unlock', {
  method: 'POST',
  headers: { 'X-Phonebank-Console': '1' } // the console guard refuses changes without it (CSRF)
});
  message.textContent = response.ok ? 'Unlocked ' + card.maskedCard + '.'
                                    : 'Could not unlock ' + card.maskedCard + ' (' + response.status + ').';
  await load();
}
load();
