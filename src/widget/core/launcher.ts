import { launcherMessages } from '../i18n/launcher';
import { formatPoints, type ResolvedLocale } from '../i18n/locale';
import { GIFT_PATHS } from './icons';

const SVG = 'http://www.w3.org/2000/svg';

/** A gift box, drawn with DOM calls (no HTML strings). */
function giftIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  for (const d of GIFT_PATHS) {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export interface LauncherState {
  balance: number | null;
  open: boolean;
  /** `true` once the panel exists, so `aria-controls` never points at nothing. */
  panelId: string | null;
  locale: ResolvedLocale;
  /** A reward is affordable: a dot on the launcher and a phrase in its name. */
  badge: boolean;
}

export interface Launcher {
  button: HTMLButtonElement;
  update(state: LauncherState): void;
  remove(): void;
}

/**
 * The launcher: a round accent button that grows into a pill with the balance once it is known.
 * Plain DOM, so the page-view script needs no UI library.
 */
export function createLauncher(container: HTMLElement, onActivate: () => void, onIntent: () => void): Launcher {
  const doc = container.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-haspopup', 'dialog');
  const label = doc.createElement('span');
  label.className = 'launcher-label';
  label.setAttribute('aria-hidden', 'true');
  const badge = doc.createElement('span');
  badge.className = 'launcher-badge';
  badge.setAttribute('part', 'launcher-badge');
  badge.hidden = true;
  button.append(giftIcon(doc), label, badge);
  button.addEventListener('click', onActivate);
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  container.append(button);

  return {
    button,
    update({ balance, open, panelId, locale, badge: showBadge }) {
      const messages = launcherMessages[locale.language];
      const points = balance === null ? '' : formatPoints(locale.tag, balance, messages.points);
      label.textContent = points;
      badge.hidden = !showBadge;
      button.setAttribute(
        'aria-label',
        (points ? messages.labelWithBalance.replace('{points}', points) : messages.label) + (showBadge ? messages.rewardReady : ''),
      );
      button.setAttribute('aria-expanded', String(open));
      if (panelId) button.setAttribute('aria-controls', panelId);
      else button.removeAttribute('aria-controls');
    },
    remove() {
      button.removeEventListener('click', onActivate);
      button.removeEventListener('pointerenter', onIntent);
      button.removeEventListener('focus', onIntent);
      button.remove();
    },
  };
}
