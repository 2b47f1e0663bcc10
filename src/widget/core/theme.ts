import { THEME_TOKENS, type ColorMode, type ParsedOptions, type ThemeTokenKey } from './options';

/**
 * Applies `theme` to the host: the colour mode as `data-theme`, token values as custom properties
 * through the CSSOM (never a `style` attribute string). Returns the function that undoes it.
 */
export function applyTheme(host: HTMLElement, theme: ParsedOptions['theme']): () => void {
  const mode: ColorMode = typeof theme === 'string' ? theme : (theme?.mode ?? 'auto');
  host.setAttribute('data-theme', mode);
  const set: string[] = [];
  if (typeof theme === 'object') {
    for (const key of Object.keys(THEME_TOKENS) as ThemeTokenKey[]) {
      const value = theme[key];
      if (value === undefined) continue;
      const name = `--sadakat-${THEME_TOKENS[key]}`;
      host.style.setProperty(name, String(value));
      set.push(name);
    }
  }
  return () => {
    for (const name of set) host.style.removeProperty(name);
  };
}
