// SPDX-License-Identifier: AGPL-3.0-or-later
// The knowledge tree page's only script (the Content-Security-Policy allows no inline code). Articles are plain text:
// everything from the server is put on the page with textContent, never as markup. The address's fragment names the
// article shown (knowledge.html#decline-51), so the desk's suggestions and the history link straight to one.
const $ = (id) => document.getElementById(id);
const CHANGE = { 'X-Phonebank-Console': '1' }; // the console guard refuses changes without it (CSRF)
let shown = null; // the article on the page: { id, current, history }

function say(text) { $('message').textContent = text; }

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

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (className) { e.className = className; }
  return e;
}

// One article's entry in the tree or in a list: its English title, then its Persian title right-to-left.
function entry(id, titleEnglish, titlePersian) {
  const button = element('button', titleEnglish);
  button.type = 'button';
  button.dataset.article = id;
  const persian = element('span', titlePersian, 'fa');
  persian.lang = 'fa'; persian.dir = 'rtl';
  button.appendChild(persian);
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
  const tree = await call('GET', 'api/knowledge');
  $('tree').replaceChildren(...branch(tree.topics).children);
  $('editor').hidden = !tree.mayEdit;
  document.body.dataset.mayEdit = String(tree.mayEdit);
  $('known-reasons').textContent = tree.escalationReasons.map((t) => t.key).join(' ');
  $('known-codes').textContent = tree.codes.map((t) => t.key).join(' ');
  markCurrent();
}

function markCurrent() {
  for (const button of document.querySelectorAll('#tree button')) {
    button.classList.toggle('current', shown !== null && button.dataset.article === shown.id);
  }
}

function showVersion(version) {
  const latest = shown.current.version;
  $('article-old').hidden = version.version === latest;
  $('article-old').textContent = 'You are reading version ' + version.version + ' of ' + latest
    + '; the current text is the latest version.';
  $('article-title').textContent = version.titleEnglish;
  $('article-body').textContent = version.bodyEnglish;
  $('article-title-fa').textContent = version.titlePersian;
  $('article-body-fa').textContent = version.bodyPersian;
  $('article-reasons').textContent = version.escalationReasons.join(', ') || 'none';
  $('article-codes').textContent = version.responseCodes.join(', ') || 'none';
  $('article-version').textContent = 'Version ' + version.version + ', written by ' + version.editedBy
    + ' at ' + version.editedAt;
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
  showVersion(article.current);
  fillEditor(article.current);
  const history = $('history');
  history.replaceChildren();
  for (const version of [...article.history].reverse()) {
    const li = element('li', 'Version ' + version.version + ' by ' + version.editedBy + ', ' + version.editedAt + ' ');
    li.value = version.version;
    const read = element('button', 'Read');
    read.type = 'button';
    read.onclick = () => showVersion(version);
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
    say('Saved as version ' + shown.current.version + '.');
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
    say('Added ' + created.id + '.');
  } catch (e) { say(e.message); }
};

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('');
  const query = $('search').value;
  const results = $('search-results');
  results.replaceChildren();
  $('search-panel').hidden = query.trim() === '';
  if (query.trim() === '') { return; }
  try {
    const hits = await call('GET', 'api/knowledge/search?q=' + encodeURIComponent(query));
    if (hits.length === 0) { results.appendChild(element('li', 'Nothing found.')); }
    for (const hit of hits) {
      const li = document.createElement('li');
      li.appendChild(entry(hit.id, hit.titleEnglish, hit.titlePersian));
      results.appendChild(li);
    }
  } catch (e) { say(e.message); }
});

window.addEventListener('hashchange', () => openArticle(window.location.hash.substring(1)));

loadTree().then(() => openArticle(window.location.hash.substring(1) || 'services')).catch((e) => say(e.message));
