// SPDX-License-Identifier: AGPL-3.0-or-later
// The sign-in page's only script (the Content-Security-Policy allows no inline code). It posts the form with the
// console's header, which the server's cross-site check requires of every change, sign-in included.
const form = document.getElementById('sign-in');
const message = document.getElementById('message');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
  const body = new URLSearchParams();
  body.set('username', document.getElementById('username').value);
  body.set('password', document.getElementById('password').value);
  document.getElementById('password').value = '';
  const response = await fetch('sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Phonebank-Console': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
    body
  });
  if (response.ok) {
    // This user's own remembered language wins on the next page; a first sign-in keeps the choice made here.
    await I18n.forUser(body.get('username'));
    // The server names the user's console when it is not the desk (the back office).
    window.location.replace(response.headers.get('X-Phonebank-Home') === 'backoffice/' ? 'backoffice/' : './');
  } else if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After') || '900');
    message.textContent = I18n.t('sign-in.throttled', I18n.number(Math.ceil(seconds / 60)));
  } else if (response.status === 401) {
    message.textContent = I18n.t('sign-in.wrong');
  } else {
    message.textContent = I18n.t('sign-in.failed', response.status);
  }
});
