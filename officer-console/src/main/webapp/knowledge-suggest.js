// SPDX-License-Identifier: AGPL-3.0-or-later
// The desk's suggested articles: when the screen-pop shows a caller (console.js sends 'pop-shown'), ask the knowledge
// tree which articles fit the call's response codes (latest request first) and escalation reason, and list them as
// links to the tree page, titled in the page's language first. Text only, never markup.
document.addEventListener('pop-shown', async (event) => {
  const pop = event.detail;
  const list = document.getElementById('pop-articles');
  list.replaceChildren();
  const query = new URLSearchParams();
  if (pop.reason) { query.append('reason', pop.reason); }
  for (const request of [...pop.switchRequests].reverse()) {
    if (request.responseCode) { query.append('code', request.responseCode); }
  }
  let suggestions = [];
  try {
    suggestions = await Page.call('GET', 'api/knowledge/suggestions?' + query);
  } catch (e) { /* the pop stays useful without suggestions */ }
  if (suggestions.length === 0) {
    const li = document.createElement('li');
    li.textContent = I18n.t('knowledge.no-suggestion');
    list.appendChild(li);
  }
  const persianPage = I18n.language() === 'fa';
  for (const s of suggestions) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = 'knowledge.html#' + encodeURIComponent(s.id);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = persianPage ? s.titlePersian : s.titleEnglish;
    const other = document.createElement('span');
    other.className = persianPage ? 'en' : 'fa';
    other.lang = persianPage ? 'en' : 'fa';
    other.dir = persianPage ? 'ltr' : 'rtl';
    other.textContent = persianPage ? s.titleEnglish : s.titlePersian;
    const because = document.createElement('span');
    because.className = 'because'; because.textContent = '(' + s.because + ')';
    li.append(link, other, because);
    list.appendChild(li);
  }
});
