/**
 * The floor of `npm run bench`: the least a Preact + signals launcher can cost. A round button in
 * an open shadow root, styled by a constructed stylesheet, with a signal for its label. No API call,
 * no panel: whatever Sadakat costs above this is what its features cost.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';

const open = signal(false);
const css = `:host{all:initial}button{position:fixed;inset-block-end:20px;inset-inline-end:20px;inline-size:56px;block-size:56px;border:0;border-radius:50%;background:#c2410c;color:#fff;font:600 14px system-ui;box-shadow:0 4px 12px #0003;cursor:pointer}`;

function Launcher() {
  return (
    <button type="button" aria-expanded={open.value ? 'true' : 'false'} onClick={() => (open.value = !open.value)}>
      {open.value ? '×' : '★'}
    </button>
  );
}

const host = document.createElement('bench-floor');
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
root.adoptedStyleSheets = [sheet];
document.body.append(host);
render(<Launcher />, root);
