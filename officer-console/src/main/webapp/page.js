// SPDX-License-Identifier: AGPL-3.0-or-later
// What every signed-in console page shares (loaded after i18n.js, before the page's own script): fetching the API
// with the console's header, putting server text on the page as text only, who is signed in (api/me) with their
// remembered language, the header's date, links and sign-out.
const $ = (id) => document.getElementById(id);
const CHANGE = { 'X-Phonebank-Console': '1' }; // the console guard refuses changes without it (CSRF)

const Page = (() => {
  function say(text) { $('message').textContent = text; }

  /** A JSON call to the API; a refusal throws an Error with the server's words (or the status). */
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
    if (!response.ok) {
      throw new Error(json && json.error ? I18n.t('error.server', json.error) : I18n.t('error.refused', response.status));
    }
    return json;
  }

  /** Appends a cell showing text (never markup); name becomes its class. */
  function cell(row, text, name) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (name) { td.className = name; }
    row.appendChild(td);
    return td;
  }

  /**
   * Who is signed in ({user, roles}); applies their remembered language and shows the links their roles may follow.
   */
  async function signedIn() {
    await I18n.ready;
    const me = await call('GET', 'api/me');
    await I18n.forUser(me.user);
    if ($('nav-wallboard')) { $('nav-wallboard').hidden = !me.roles.includes('supervisor'); }
    return me;
  }

  function showToday() { if ($('today')) { $('today').textContent = I18n.date(new Date()); } }

  I18n.onChange(showToday);
  I18n.ready.then(showToday);
  document.addEventListener('DOMContentLoaded', () => {
    $('sign-out').onclick = async () => {
      await fetch('sign-out', { method: 'POST', credentials: 'same-origin', headers: CHANGE });
      window.location.replace('sign-in.html');
    };
  });

  return { say, call, cell, signedIn };
})();
