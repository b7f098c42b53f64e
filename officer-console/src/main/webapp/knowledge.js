// SPDX-License-Identifier: AGPL-3.0-or-later
// The knowledge tree page's own script (after i18n.js and page.js; the Content-Security-Policy allows no inline code).
// Articles are plain text: everything from the server is put on the page with textContent, never as markup. The
// address's fragment names the article shown (knowledge.html#decline-51), so the desk's suggestions and the history
// link straight to one. A language change re-renders the tree and the article from what was received.
const { say, call } = Page;
let tree = null; // the outline as the server sent it
let shown = null; // the article on the page: { id, current, history }
let reading = null; // the version of it being read

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (className) { e.className = className; }
  return e;
}

// One article's entry in the tree or in a list: its title in the page's language, then the other language's.
function entry(id, titleEnglish, titlePersian) {
  const persianPage = I18n.language() === 'fa';
  const button = element('button', persianPage ? titlePersian : titleEnglish);
  button.type = 'button';
  button.dataset.article = id;
  const other = element('span', persianPage ? titleEnglish : titlePersian, persianPage ? 'en' : 'fa');
  other.lang = persianPage ? 'en' : 'fa';
  other.dir = persianPage ? 'ltr' : 'rtl';
  button.appendChild(other);
  button.onclick = () => { window.location.hash = id; };
  return button;
}

function branch(nodes) {
  const list = document.createElement('ul');
  for (const node of nodes) {
    const li = document.createElement('li');
    li.appendChild(entry(node.id, node.titleEnglish, node.titlePersian));
    if (node.children.length > 0) { li.appendChild(branch(node.children)); }
    list.appendChild(li);
  }
  return list;
}

async function loadTree() {
  tree = await call('GET', 'api/knowledge');
  renderTree();
}

function renderTree() {
  if (!tree) { return; }
  $('tree').replaceChildren(...branch(tree.topics).children);
  $('editor').hidden = !tree.mayEdit;
  document.body.dataset.mayEdit = String(tree.mayEdit);
  // Codes stay left to right inside a Persian line, their brackets with them.
  $('known-reasons').textContent = '(' + tree.escalationReasons.map((t) => t.key).join(' ') + ')';
  $('known-codes').textContent = '(' + tree.codes.map((t) => t.key).join(' ') + ')';
  $('new-id').placeholder = I18n.t('knowledge.new-id-example');
  markCurrent();
}

function markCurrent() {
  for (const button of document.querySelectorAll('#tree button')) {
    button.classList.toggle('current', shown !== null && button.dataset.article === shown.id);
  }
}

function showVersion(version) {
  reading = version;
  const latest = shown.current.version;
  $('article-old').hidden = version.version === latest;
  $('article-old').textContent = I18n.t('knowledge.old-version', I18n.number(version.version), I18n.number(latest));
  $('article-title').textContent = version.titleEnglish;
  $('article-body').textContent = version.bodyEnglish;
  $('article-title-fa').textContent = version.titlePersian;
  $('article-body-fa').textContent = version.bodyPersian;
  $('article-reasons').textContent = version.escalationReasons.join(', ') || I18n.t('knowledge.none');
  $('article-codes').textContent = version.responseCodes.join(', ') || I18n.t('knowledge.none');
  $('article-version').textContent = I18n.t('knowledge.version-by', I18n.number(version.version),
    version.editedBy, I18n.dateTime(version.editedAt));
  $('article').hidden = false;
}

function fillEditor(version) {
  $('edit-title-en').value = version.titleEnglish;
  $('edit-title-fa').value = version.titlePersian;
  $('edit-body-en').value = version.bodyEnglish;
  $('edit-body-fa').value = version.bodyPersian;
  $('edit-reasons').value = version.escalationReasons.join(' ');
  $('edit-codes').value = version.responseCodes.join(' ');
}

function render(article) {
  shown = article;
  fillEditor(article.current);
  renderArticle(article.current);
}

function renderArticle(version) {
  if (!shown) { return; }
  showVersion(version);
  const history = $('history');
  history.replaceChildren();
  for (const v of [...shown.history].reverse()) {
    const li = element('li', I18n.t('knowledge.history-entry', I18n.number(v.version), v.editedBy,
      I18n.dateTime(v.editedAt)) + ' ');
    li.value = v.version;
    const read = element('button', I18n.t('knowledge.read'));
    read.type = 'button';
    read.onclick = () => showVersion(v);
    li.appendChild(read);
    history.appendChild(li);
  }
  markCurrent();
}

async function openArticle(id) {
  if (!id) { return; }
  try { render(await call('GET', 'api/knowledge/articles/' + encodeURIComponent(id))); } catch (e) { say(e.message); }
}

function words(text) { return text.split(/\s+/).filter((w) => w.length > 0); }

function edited() {
  return {
    baseVersion: shown.current.version,
    titleEnglish: $('edit-title-en').value,
    titlePersian: $('edit-title-fa').value,
    bodyEnglish: $('edit-body-en').value,
    bodyPersian: $('edit-body-fa').value,
    escalationReasons: words($('edit-reasons').value),
    responseCodes: words($('edit-codes').value)
  };
}

$('edit-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('');
  try {
    render(await call('POST', 'api/knowledge/articles/' + encodeURIComponent(shown.id) + '/versions', edited()));
    say(I18n.t('knowledge.saved', I18n.number(shown.current.version)));
    await loadTree();
  } catch (e) { say(e.message); }
});

$('create-under').onclick = async () => {
  say('');
  const article = { ...edited(), id: $('new-id').value.trim(), parent: shown.id };
  try {
    const created = await call('POST', 'api/knowledge/articles', article);
    $('new-id').value = '';
    await loadTree();
    window.location.hash = created.id;
    say(I18n.t('knowledge.added', created.id));
  } catch (e) { say(e.message); }
};

let hits = null; // the last search's results

function renderHits() {
  const results = $('search-results');
  results.replaceChildren();
  if (hits === null) { return; }
  if (hits.length === 0) { results.appendChild(element('li', I18n.t('knowledge.nothing-found'))); }
  for (const hit of hits) {
    const li = document.createElement('li');
    li.appendChild(entry(hit.id, hit.titleEnglish, hit.titlePersian));
    results.appendChild(li);
  }
}

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('');
  const query = $('search').value;
  hits = null;
  renderHits();
  $('search-panel').hidden = query.trim() === '';
  if (query.trim() === '') { return; }
  try {
    hits = await call('GET', 'api/knowledge/search?q=' + encodeURIComponent(query));
    renderHits();
  } catch (e) { say(e.message); }
});

window.addEventListener('hashchange', () => openArticle(window.location.hash.substring(1)));
I18n.onChange(() => { renderTree(); renderHits(); if (reading) { renderArticle(reading); } });

(async () => {
  try {
    await Page.signedIn();
    await loadTree();
    await openArticle(window.location.hash.substring(1) || 'services');
  } catch (e) { say(e.message); }
})();
