import type { Translator } from '../../../i18n/translate';
import type { ReferralKey, ReferralMessages } from './tr';

export type ReferralText = (key: ReferralKey, params?: Record<string, string | number>) => string;

/** Fills `{slots}` like the panel's translator: numbers formatted for the locale, values isolated in RTL. */
export function referralText(translator: Translator, catalog: ReferralMessages): ReferralText {
  const [open, close] = translator.locale.dir === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = params[name];
      return value === undefined ? slot : open + (typeof value === 'number' ? translator.number(value) : value) + close;
    });
}
