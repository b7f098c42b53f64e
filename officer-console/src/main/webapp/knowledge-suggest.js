// SPDX-License-Identifier: AGPL-3.0-or-later
// The desk's suggested articles: when the screen-pop shows a caller (console.js sends 'pop-shown'), ask the knowledge
// tree which articles fit the call's response codes (latest request first) and escalation reason, and list them as
// links to the tree page. Text only, never markup.
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
    const response = await fetch('api/knowledge/suggestions?' + query, { credentials: 'same-origin' });
    if (response.ok) { suggestions = await response.json(); }
  } catch (e) { /* the pop stays useful without suggestions */ }
  if (suggestions.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No article is linked to this call\'s reason or response codes.';
    list.appendChild(li);
  }
  for (const s of suggestions) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = 'knowledge.html#' + encodeURIComponent(s.id);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = s.titleEnglish;
    const persian = document.createElement('span');
    persian.className = 'fa'; persian.lang = 'fa'; persian.dir = 'rtl'; persian.textContent = s.titlePersian;
    const because = document.createElement('span');
    because.className = 'because'; because.textContent = '(' + s.because + ')';
    li.append(link, persian, because);
    list.appendChild(li);
  }
});
