import { html } from 'hono/html';
import { jsonForScript, page, type Html, type PageContext } from './layout';
import { homeContent } from './pages';

// The theme playground (/tema): every public token of the widget with a control, a live preview of
// the widget on the shop (an iframe of /tema/onizleme, so the modal panel does not make the
// controls inert), and the resulting CSS to copy. Works under the shop's strict CSP: the markup
// is static, the behaviour is in /static/tema.js, and values reach the preview through the CSSOM.

/** One control of the playground. `initial: null` means the widget's own default (light/dark pair). */
export type PlaygroundToken =
  | { name: string; key: string; label: string; group: string; kind: 'color'; initial: string | null; shown: string }
  | { name: string; key: string; label: string; group: string; kind: 'range'; initial: number; min: number; max: number; step: number; unit: 'px' | 'ms' }
  | { name: string; key: string; label: string; group: string; kind: 'font'; initial: null };

export const PLAYGROUND_TOKENS: PlaygroundToken[] = [
  { name: 'color-accent', key: 'accent', label: 'Vurgu rengi', group: 'Renkler', kind: 'color', initial: '#0b6e4f', shown: '#0b6e4f' },
  { name: 'color-accent-contrast', key: 'accentContrast', label: 'Vurgu üstündeki yazı', group: 'Renkler', kind: 'color', initial: null, shown: '#ffffff' },
  { name: 'color-surface', key: 'surface', label: 'Yüzey', group: 'Renkler', kind: 'color', initial: null, shown: '#ffffff' },
  { name: 'color-text', key: 'text', label: 'Yazı', group: 'Renkler', kind: 'color', initial: null, shown: '#1b1d22' },
  { name: 'color-text-muted', key: 'textMuted', label: 'İkincil yazı', group: 'Renkler', kind: 'color', initial: null, shown: '#565b64' },
  { name: 'color-border', key: 'border', label: 'Kenarlık', group: 'Renkler', kind: 'color', initial: null, shown: '#dfe2e7' },
  { name: 'color-success', key: 'success', label: 'Kazanılan puan', group: 'Renkler', kind: 'color', initial: null, shown: '#17703e' },
  { name: 'color-danger', key: 'danger', label: 'Hata, harcanan puan', group: 'Renkler', kind: 'color', initial: null, shown: '#b42318' },
  { name: 'color-focus', key: 'focus', label: 'Odak halkası', group: 'Renkler', kind: 'color', initial: null, shown: '#1a56c4' },
  { name: 'font-family', key: 'fontFamily', label: 'Yazı tipi', group: 'Yazı ve biçim', kind: 'font', initial: null },
  { name: 'font-size', key: 'fontSize', label: 'Yazı boyutu', group: 'Yazı ve biçim', kind: 'range', initial: 15, min: 13, max: 18, step: 1, unit: 'px' },
  { name: 'radius', key: 'radius', label: 'Köşe yuvarlaklığı', group: 'Yazı ve biçim', kind: 'range', initial: 14, min: 0, max: 24, step: 1, unit: 'px' },
  { name: 'launcher-size', key: 'launcherSize', label: 'Düğme boyutu', group: 'Yerleşim ve hareket', kind: 'range', initial: 56, min: 44, max: 72, step: 2, unit: 'px' },
  { name: 'panel-width', key: 'panelWidth', label: 'Panel genişliği', group: 'Yerleşim ve hareket', kind: 'range', initial: 380, min: 320, max: 460, step: 10, unit: 'px' },
  { name: 'duration', key: 'duration', label: 'Geçiş süresi', group: 'Yerleşim ve hareket', kind: 'range', initial: 180, min: 0, max: 400, step: 20, unit: 'ms' },
];

/** Font stacks a shop might pick; the first, empty one is the widget's default (the page's font). */
export const PLAYGROUND_FONTS: Array<{ label: string; value: string }> = [
  { label: 'Sayfanın yazı tipi (varsayılan)', value: '' },
  { label: 'Sistem yazı tipi', value: 'system-ui, sans-serif' },
  { label: 'Serif (Georgia)', value: 'Georgia, "DejaVu Serif", serif' },
  { label: 'Yuvarlak hatlı', value: '"Trebuchet MS", "DejaVu Sans", sans-serif' },
  { label: 'Eşaralıklı', value: 'ui-monospace, "DejaVu Sans Mono", monospace' },
];

/** Ready-made starting points. */
export const PLAYGROUND_PRESETS: Array<{ id: string; label: string; tokens: Record<string, string> }> = [
  { id: 'varsayilan', label: 'Varsayılan', tokens: {} },
  { id: 'kervan', label: 'Kervan', tokens: { 'color-accent': '#8c4328', 'color-accent-contrast': '#fffaf5', 'radius': '10px', 'font-family': 'system-ui, sans-serif' } },
  { id: 'limon', label: 'Limon', tokens: { 'color-accent': '#ffd400', 'radius': '20px' } },
  { id: 'gece', label: 'Gece mavisi', tokens: { 'color-accent': '#1e3a8a', 'color-surface': '#f8fafc', 'radius': '4px', 'font-family': 'Georgia, "DejaVu Serif", serif' } },
];

function control(token: PlaygroundToken): Html {
  const id = `tema-${token.name}`;
  if (token.kind === 'color') {
    return html`<div class="tema-control tema-control--color">
      <label for="${id}">${token.label}</label>
      <input type="color" id="${id}" data-token="${token.name}" value="${token.initial ?? token.shown}">
      ${token.initial === null
        ? html`<label class="tema-default"><input type="checkbox" data-default-for="${token.name}" checked> Varsayılan</label>`
        : ''}
    </div>`;
  }
  if (token.kind === 'font') {
    return html`<div class="tema-control">
      <label for="${id}">${token.label}</label>
      <select id="${id}" data-token="${token.name}">
        ${PLAYGROUND_FONTS.map((font) => html`<option value="${font.value}">${font.label}</option>`)}
      </select>
    </div>`;
  }
  return html`<div class="tema-control tema-control--range">
    <label for="${id}">${token.label}</label>
    <input type="range" id="${id}" data-token="${token.name}" min="${token.min}" max="${token.max}" step="${token.step}" value="${token.initial}">
    <output for="${id}" data-output-for="${token.name}">${token.initial} ${token.unit}</output>
  </div>`;
}

function group(name: string): Html {
  return html`<fieldset class="tema-group">
    <legend>${name}</legend>
    ${PLAYGROUND_TOKENS.filter((token) => token.group === name).map(control)}
  </fieldset>`;
}

export function playgroundPage(ctx: PageContext): Html {
  const groups = [...new Set(PLAYGROUND_TOKENS.map((token) => token.group))];
  return page(ctx, {
    title: 'Widget tema atölyesi',
    description: 'Sadakat widget’ının renklerini, köşelerini ve yazı tipini canlı deneyin; CSS’i kopyalayın.',
    widget: false,
    styles: ['/static/tema.css'],
    scripts: ['/static/tema.js'],
    body: html`<div class="tema">
      <div class="tema__intro">
        <p class="eyebrow">Sadakat · tema atölyesi</p>
        <h1 class="tema__title">Widget’ı mağazanıza benzetin</h1>
        <p class="tema__lede">Her ayar widget’ın bir CSS değişkenini (token) değiştirir. Önizleme anında güncellenir; beğendiğinizde CSS’i kopyalayıp kendi stil dosyanıza ekleyin.</p>
      </div>
      <form class="tema__controls" data-tema-form aria-label="Tema ayarları">
        <fieldset class="tema-group">
          <legend>Hazır temalar</legend>
          <div class="tema-presets">
            ${PLAYGROUND_PRESETS.map((preset) => html`<button type="button" class="tema-preset" data-preset="${preset.id}">${preset.label}</button>`)}
          </div>
        </fieldset>
        <fieldset class="tema-group">
          <legend>Görünüm</legend>
          <div class="tema-control">
            <label for="tema-mode">Renk modu</label>
            <select id="tema-mode" data-setting="mode">
              <option value="auto">Otomatik (cihaza göre)</option>
              <option value="light">Açık</option>
              <option value="dark">Koyu</option>
            </select>
          </div>
          <div class="tema-control">
            <label for="tema-locale">Dil</label>
            <select id="tema-locale" data-setting="locale">
              <option value="tr">Türkçe</option>
              <option value="en">English</option>
              <option value="ar">العربية (sağdan sola)</option>
            </select>
          </div>
          <div class="tema-control">
            <label for="tema-device">Ekran</label>
            <select id="tema-device" data-setting="device">
              <option value="desktop">Masaüstü</option>
              <option value="phone">Telefon (375 px)</option>
            </select>
          </div>
        </fieldset>
        ${groups.map(group)}
        <button type="button" class="button button--ghost" data-reset>Her şeyi sıfırla</button>
      </form>
      <section class="tema__preview" aria-label="Önizleme">
        <div class="tema-frame" data-frame-box>
          <iframe class="tema-frame__iframe" src="/tema/onizleme#sadakat-home" title="Widget önizlemesi: mağaza sayfası, widget açık"></iframe>
        </div>
      </section>
      <section class="tema__output" aria-labelledby="tema-css-title">
        <div class="tema-output__head">
          <h2 id="tema-css-title" class="tema-output__title">CSS</h2>
          <button type="button" class="button button--primary" data-copy="css">CSS’i kopyala</button>
        </div>
        <p class="muted small">Stil dosyanıza ekleyin; <code>:root</code> üzerine de yazabilirsiniz.</p>
        <pre class="tema-code"><code data-output="css"></code></pre>
        <div class="tema-output__head">
          <h2 class="tema-output__title">ya da JavaScript ile</h2>
          <button type="button" class="button button--ghost" data-copy="js">Kodu kopyala</button>
        </div>
        <pre class="tema-code"><code data-output="js"></code></pre>
        <p class="tema-status" role="status" data-copy-status></p>
      </section>
      <script type="application/json" id="tema-data">${jsonForScript({ tokens: PLAYGROUND_TOKENS, presets: PLAYGROUND_PRESETS })}</script>
    </div>`,
  });
}

/** The page inside the preview iframe: the shop's home with the widget, driven by /static/tema-onizleme.js. */
export function previewPage(ctx: PageContext): Html {
  return page(ctx, { title: 'Önizleme', body: homeContent(ctx), scripts: ['/static/tema-onizleme.js'] });
}
