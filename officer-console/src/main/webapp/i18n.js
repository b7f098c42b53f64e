// SPDX-License-Identifier: AGPL-3.0-or-later
// The consoles' languages: Persian (right to left) and English. Every page loads this script first. Texts live in
// one message catalogue per language (i18n/<language>.json: flat keys, "{0}" for an argument); an element carries
// its key in data-i18n (its text) or data-i18n-title (its tooltip) and is translated when the language changes.
// Numbers, amounts, durations and dates are formatted by the browser's Intl (ICU): on Persian pages with Persian
// digits and the Solar Hijri calendar ('fa-IR-u-ca-persian'). The choice is remembered per user in this browser
// (localStorage 'phonebank.language.<user>'; the sign-in page uses the last choice made on this browser).
// A page script calls I18n.t(key, ...args), I18n.onChange(render) and, once it knows who is signed in,
// I18n.forUser(name). See docs/officer-console.md, "Languages".
const I18n = (() => {
  const LANGUAGES = {
    en: { dir: 'ltr', numbers: 'en-GB', dates: 'en-GB-u-ca-gregory', currency: '{0} IRR' },
    fa: { dir: 'rtl', numbers: 'fa-IR', dates: 'fa-IR-u-ca-persian', currency: '{0} ریال' }
  };
  const LAST = 'phonebank.language';
  // The catalogues sit beside this script, whichever folder the page is in (the back office's is backoffice/).
  const HERE = new URL('.', document.currentScript ? document.currentScript.src : window.location.href);
  const listeners = [];
  let language = 'en';
  let messages = {};
  let user = null;

  function saved() {
    const own = user ? localStorage.getItem(LAST + '.' + user) : null;
    const chosen = own || localStorage.getItem(LAST) || (navigator.language || '').slice(0, 2);
    return LANGUAGES[chosen] ? chosen : 'en';
  }

  async function use(wanted, remember) {
    const next = LANGUAGES[wanted] ? wanted : 'en';
    const response = await fetch(new URL('i18n/' + next + '.json', HERE), { credentials: 'same-origin' });
    if (!response.ok) { throw new Error('No message catalogue for ' + next + ' (' + response.status + ').'); }
    messages = await response.json();
    language = next;
    if (remember) {
      localStorage.setItem(LAST, next);
      if (user) { localStorage.setItem(LAST + '.' + user, next); }
    }
    translate(document);
    for (const listener of listeners) { listener(language); }
  }

  /** The text of key in the page's language, with {0}, {1}... replaced by args; the key itself when missing. */
  function t(key, ...args) {
    const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
    return text.replace(/\{(\d+)\}/g, (all, i) => (args[i] === undefined ? all : String(args[i])));
  }

  /** The text of key, or fallback when the catalogue has no such key (a code the catalogue does not know yet). */
  function tOr(key, fallback) {
    return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : fallback;
  }

  function translate(root) {
    const html = document.documentElement;
    html.lang = language;
    html.dir = LANGUAGES[language].dir;
    for (const element of root.querySelectorAll('[data-i18n]')) { element.textContent = t(element.dataset.i18n); }
    for (const element of root.querySelectorAll('[data-i18n-title]')) { element.title = t(element.dataset.i18nTitle); }
    const choice = document.getElementById('language');
    if (choice) { choice.value = language; }
  }

  const blank = (value) => value === null || value === undefined || value === '';

  /** A count or plain number with the language's digits and grouping. */
  function number(value) {
    return blank(value) ? '' : new Intl.NumberFormat(LANGUAGES[language].numbers).format(value);
  }

  /** An amount in rials (whole numbers, no minor unit) with digit grouping: "50,000,000 IRR", "۵۰٬۰۰۰٬۰۰۰ ریال". */
  function rials(value) {
    if (blank(value)) { return ''; }
    const digits = new Intl.NumberFormat(LANGUAGES[language].numbers, { maximumFractionDigits: 0 }).format(value);
    return LANGUAGES[language].currency.replace('{0}', digits);
  }

  /** A share 0..1 as a percentage; '–' for none (nothing to divide). */
  function percent(ratio) {
    if (blank(ratio)) { return '–'; }
    return new Intl.NumberFormat(LANGUAGES[language].numbers, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
  }

  /** Whole seconds as m:ss (or h:mm:ss) in the language's digits. */
  function duration(seconds) {
    if (blank(seconds)) { return '–'; }
    const s = Math.max(0, Math.round(seconds));
    const two = (n) => new Intl.NumberFormat(LANGUAGES[language].numbers, { minimumIntegerDigits: 2 }).format(n);
    const hours = Math.floor(s / 3600);
    const rest = two(Math.floor((s % 3600) / 60)) + ':' + two(s % 60);
    return hours > 0 ? number(hours) + ':' + rest : number(Math.floor(s / 60)) + ':' + two(s % 60);
  }

  /** An instant (ISO text or Date) as date and time; Solar Hijri with Persian digits on Persian pages. */
  function dateTime(value) {
    if (blank(value)) { return ''; }
    return new Intl.DateTimeFormat(LANGUAGES[language].dates, { dateStyle: 'medium', timeStyle: 'medium' })
      .format(new Date(value));
  }

  /** A day as a long date ("30 November 2026", "۹ آذر ۱۴۰۵"). */
  function date(value) {
    return new Intl.DateTimeFormat(LANGUAGES[language].dates, { dateStyle: 'long' }).format(new Date(value));
  }

  /** A time of day (hours and minutes), for a chart's axis. */
  function time(value) {
    return new Intl.DateTimeFormat(LANGUAGES[language].dates, { hour: '2-digit', minute: '2-digit' })
      .format(new Date(value));
  }

  /** Called once the page knows who is signed in: their own remembered choice wins; a first choice is kept. */
  async function forUser(name) {
    user = name;
    const own = localStorage.getItem(LAST + '.' + name);
    if (own && own !== language) {
      await use(own, false);
    } else if (!own) {
      localStorage.setItem(LAST + '.' + name, language);
    }
  }

  function onChange(listener) { listeners.push(listener); }

  const ready = use(saved(), false);
  document.addEventListener('DOMContentLoaded', () => {
    const choice = document.getElementById('language');
    if (choice) { choice.addEventListener('change', () => use(choice.value, true)); }
  });

  return {
    ready, t, tOr, number, rials, percent, duration, dateTime, date, time, forUser, onChange,
    language: () => language,
    use: (wanted) => use(wanted, true)
  };
})();
