/* global document, window, location, sessionStorage, navigator */
// The theme playground: reads the controls, sends the tokens to the preview frame (which writes
// them on the widget through the CSSOM), and prints the CSS and the init() call to copy. Plain DOM
// APIs only (no HTML strings, no inline styles), so it runs under the page's strict CSP.

const data = JSON.parse(document.getElementById('tema-data')?.textContent ?? '{"tokens":[],"presets":[]}');
const form = document.querySelector('[data-tema-form]');
const frame = document.querySelector('.tema-frame__iframe');
const frameBox = document.querySelector('[data-frame-box]');
const STORAGE_KEY = 'sadakat.tema.v1';

/** `{ mode, locale, device, tokens: { 'color-accent': '#…' } }`; a token absent = the widget's default. */
function emptyState() {
  return { mode: 'auto', locale: 'tr', device: 'desktop', tokens: {} };
}

function loadState() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved === 'object' && saved.tokens && typeof saved.tokens === 'object') return { ...emptyState(), ...saved };
  } catch {
    // Private mode or a bad value: start fresh.
  }
  return emptyState();
}

let state = loadState();

function saveState() {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Not persisted; the playground still works.
  }
}

const tokenByName = new Map(data.tokens.map((token) => [token.name, token]));

/** The token's CSS value from its control, or `undefined` when it equals the widget's default. */
function valueOf(token, element) {
  if (token.kind === 'color') {
    const isDefault = form.querySelector(`[data-default-for="${token.name}"]`);
    if (isDefault?.checked) return undefined;
    return token.initial !== null && element.value.toLowerCase() === token.initial ? undefined : element.value.toLowerCase();
  }
  if (token.kind === 'range') {
    return Number(element.value) === token.initial ? undefined : `${element.value}${token.unit}`;
  }
  return element.value === '' ? undefined : element.value;
}

/** Puts the state into the controls (after a preset, a reset or a reload). */
function showState() {
  for (const element of form.querySelectorAll('[data-setting]')) element.value = state[element.dataset.setting];
  for (const element of form.querySelectorAll('[data-token]')) {
    const token = tokenByName.get(element.dataset.token);
    const value = state.tokens[token.name];
    if (token.kind === 'color') {
      element.value = value ?? token.initial ?? token.shown;
      const isDefault = form.querySelector(`[data-default-for="${token.name}"]`);
      if (isDefault) isDefault.checked = value === undefined;
    } else if (token.kind === 'range') {
      element.value = value === undefined ? String(token.initial) : String(Number.parseFloat(value));
    } else {
      element.value = value ?? '';
      // A preset's font may not be one of the options: add it so the select can show it.
      if (value !== undefined && element.value !== value) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = value;
        element.append(option);
        element.value = value;
      }
    }
  }
  render();
}

/** Reads every control into the state. */
function readControls() {
  const tokens = {};
  for (const element of form.querySelectorAll('[data-token]')) {
    const token = tokenByName.get(element.dataset.token);
    const value = valueOf(token, element);
    if (value !== undefined) tokens[token.name] = value;
  }
  const settings = {};
  for (const element of form.querySelectorAll('[data-setting]')) settings[element.dataset.setting] = element.value;
  state = { ...state, ...settings, tokens };
}

const camel = (name) => name.replace(/^color-/, '').replace(/-(\w)/g, (_m, letter) => letter.toUpperCase());

function cssText() {
  const lines = Object.entries(state.tokens).map(([name, value]) => `  --sadakat-${name}: ${value};`);
  if (lines.length === 0) return '/* Varsayılan tema: değiştirdiğiniz token’lar burada görünür. */';
  return `sadakat-widget {\n${lines.join('\n')}\n}`;
}

function jsText() {
  const theme = { mode: state.mode };
  for (const [name, value] of Object.entries(state.tokens)) theme[tokenByName.get(name)?.key ?? camel(name)] = value;
  const body = Object.entries(theme)
    .map(([key, value]) => `    ${key}: ${JSON.stringify(value)},`)
    .join('\n');
  return `Sadakat.init({\n  shop: 'pk_live_…',\n  theme: {\n${body}\n  },\n});`;
}

function render() {
  for (const output of form.querySelectorAll('[data-output-for]')) {
    const token = tokenByName.get(output.dataset.outputFor);
    const input = form.querySelector(`[data-token="${token.name}"]`);
    output.textContent = `${input.value} ${token.unit}`;
  }
  document.querySelector('[data-output="css"]').textContent = cssText();
  document.querySelector('[data-output="js"]').textContent = jsText();
  frameBox?.classList.toggle('tema-frame--phone', state.device === 'phone');
  for (const button of document.querySelectorAll('[data-preset]')) button.setAttribute('aria-pressed', 'false');
  send();
  saveState();
}

/** Hands the state to the preview frame, which applies it to its widget. */
function send() {
  const names = data.tokens.map((token) => token.name);
  frame?.contentWindow?.postMessage({ type: 'sadakat-tema', names, tokens: state.tokens, mode: state.mode, locale: state.locale }, location.origin);
}

form.addEventListener('input', (event) => {
  // Picking a colour means "not the default any more".
  const token = event.target.dataset?.token;
  if (token && event.target.type === 'color') {
    const isDefault = form.querySelector(`[data-default-for="${token}"]`);
    if (isDefault) isDefault.checked = false;
  }
  readControls();
  render();
});
form.addEventListener('change', () => {
  readControls();
  render();
});

for (const button of document.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => {
    const preset = data.presets.find((candidate) => candidate.id === button.dataset.preset);
    state = { ...state, tokens: { ...preset.tokens } };
    showState();
    button.setAttribute('aria-pressed', 'true');
  });
}

document.querySelector('[data-reset]')?.addEventListener('click', () => {
  state = emptyState();
  showState();
});

const status = document.querySelector('[data-copy-status]');
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = button.dataset.copy === 'css' ? cssText() : jsText();
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = button.dataset.copy === 'css' ? 'CSS panoya kopyalandı.' : 'Kod panoya kopyalandı.';
    } catch {
      // No clipboard access: select the text so that Ctrl+C copies it.
      const code = document.querySelector(`[data-output="${button.dataset.copy}"]`);
      window.getSelection()?.selectAllChildren(code);
      status.textContent = 'Metin seçildi: kopyalamak için Ctrl+C (⌘C).';
    }
  });
}

// The preview says when its widget is ready (and after every reload of the frame).
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== frame?.contentWindow) return;
  if (event.data?.type === 'sadakat-tema-ready') send();
});

showState();
