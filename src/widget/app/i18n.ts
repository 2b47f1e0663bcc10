import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from '../i18n/translate';

export const I18n = createContext<Translator | null>(null);

/** The translator for the current locale; provided once by `App`. */
export function useI18n(): Translator {
  const translator = useContext(I18n);
  if (!translator) throw new Error('useI18n() outside <App>');
  return translator;
}
