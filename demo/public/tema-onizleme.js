/* global document, window, location, parent */
// The theme playground's preview (/tema/onizleme, shown in a frame of /tema): applies the tokens it
// is sent to the widget, the way a designer's CSS would, through the CSSOM (`style.setProperty`),
// and the colour mode and language through the public API. The frame's URL (#sadakat-home) opens
// the panel. Only messages from the playground page itself (same origin, the parent) are read.

const script = document.querySelector('script[data-shop]');
const base = { shop: script?.dataset.shop, api: script?.dataset.api };
let wanted = null;
let applied = { mode: 'auto', locale: script?.dataset.locale ?? 'tr' };

function apply() {
  const host = document.querySelector('sadakat-widget');
  const sadakat = window.Sadakat;
  if (!wanted || !host || typeof sadakat?.init !== 'function') return;
  for (const name of wanted.names) {
    // `initial` makes the token invalid here, so the widget's own default applies, whatever the
    // shop's stylesheet says (store.css brands the widget with the shop's colours).
    host.style.setProperty(`--sadakat-${name}`, wanted.tokens[name] ?? 'initial');
  }
  if (wanted.mode !== applied.mode || wanted.locale !== applied.locale) {
    applied = { mode: wanted.mode, locale: wanted.locale };
    sadakat.init({ ...base, theme: wanted.mode, locale: wanted.locale });
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== parent) return;
  const data = event.data;
  if (data?.type !== 'sadakat-tema' || !Array.isArray(data.names) || typeof data.tokens !== 'object') return;
  wanted = data;
  apply();
});

const ready = () => parent.postMessage({ type: 'sadakat-tema-ready' }, location.origin);
document.addEventListener('sadakat:ready', () => {
  apply();
  ready();
});
ready();
