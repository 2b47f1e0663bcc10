const PLACEMENT = '[data-sadakat],[data-sadakat-open]';

/**
 * Calls `onChange` (once per batch) when the merchant's page gains an inline placement or changes
 * one's attributes, e.g. a client-side rendered route or a product card loaded later. Cheap: only
 * added elements and three attributes are looked at, and the text the widget writes into a
 * placement (a text node) never matches. Returns the disconnection.
 */
export function observePlacements(doc: Document, onChange: () => void): () => void {
  const MutationObserverClass = doc.defaultView?.MutationObserver;
  if (!MutationObserverClass || !doc.body) return () => {};
  const observer = new MutationObserverClass((records) => {
    const relevant = records.some(
      (record) =>
        record.type === 'attributes' ||
        [...record.addedNodes].some((node) => node.nodeType === 1 && ((node as Element).matches(PLACEMENT) || (node as Element).querySelector(PLACEMENT) !== null)),
    );
    if (relevant) onChange();
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-sadakat', 'data-sadakat-amount', 'data-sadakat-open'] });
  return () => observer.disconnect();
}
