export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
  /** The element everything renders into (carries `lang` and `dir`). */
  container: HTMLElement;
  /** Adds a stylesheet to the shadow root; returns its removal. */
  addStyles(css: string): () => void;
  remove(): void;
}

/**
 * One `<sadakat-widget>` appended to `document.body`, with an open shadow root. Styles go through
 * a constructed `CSSStyleSheet` (no `style-src 'unsafe-inline'` needed), or a `<style nonce>` in
 * the shadow root where constructed sheets are unsupported.
 */
export function createHost(doc: Document, nonce: string | undefined): Host {
  const element = doc.createElement('sadakat-widget');
  const root = element.attachShadow({ mode: 'open' });
  const container = doc.createElement('div');
  container.className = 'root';
  root.append(container);
  const constructable = 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;

  const addStyles = (css: string) => {
    if (constructable) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
    const style = doc.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.prepend(style);
    return () => style.remove();
  };

  doc.body.append(element);
  return { element, root, container, addStyles, remove: () => element.remove() };
}
