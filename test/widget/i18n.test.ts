import { describe, expect, it } from 'vitest';
import { ar } from '../../src/widget/i18n/ar';
import { en } from '../../src/widget/i18n/en';
import { launcherMessages } from '../../src/widget/i18n/launcher';
import { formatPoints, LANGUAGES, resolveLocale, RTL_LANGUAGES } from '../../src/widget/i18n/locale';
import { tr, trDative } from '../../src/widget/i18n/tr';
import { catalogFor, loadCatalog, loadedCatalogs } from '../../src/widget/i18n/catalogs';
import { createTranslator as translatorWith } from '../../src/widget/i18n/translate';

const locale = (tag: string) => resolveLocale(tag, document, { languages: [] });
const catalogs = { tr, en, ar };
const createTranslator = (resolved: ReturnType<typeof locale>) => translatorWith(resolved, catalogs[resolved.language]);

describe('formatting', () => {
  it.each([
    ['tr', 1250, '1.250 puan'],
    ['tr', 1, '1 puan'],
    ['en', 1250, '1,250 points'],
    ['en', 1, '1 point'],
    ['en-GB', 0, '0 points'],
    ['ar', 2, `${new Intl.NumberFormat('ar').format(2)} نقطتان`],
    ['ar', 5, `${new Intl.NumberFormat('ar').format(5)} نقاط`],
    ['ar', 1250, `${new Intl.NumberFormat('ar').format(1250)} نقطة`],
  ])('%s: %i points → %s', (tag, count, expected) => {
    const resolved = locale(tag);
    expect(formatPoints(resolved.tag, count, launcherMessages[resolved.language].points)).toBe(expected);
    expect(createTranslator(resolved).points(count)).toBe(expected);
  });

  it('signs gains and spends', () => {
    expect(createTranslator(locale('tr')).points(725, true)).toBe('+725 puan');
    expect(createTranslator(locale('en')).points(-1000, true)).toBe('-1,000 points');
  });

  it('formats money, dates and relative dates with Intl', () => {
    const trT = createTranslator(locale('tr'));
    const enT = createTranslator(locale('en'));
    expect(trT.money(550, 'TRY')).toBe('₺550');
    expect(enT.money(12.5, 'TRY')).toBe('TRY\u00a012.50');
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(trT.relative('2026-11-22T12:00:00Z', now)).toBe('dün');
    expect(enT.relative('2026-11-20T12:00:00Z', now)).toBe('3 days ago');
    const noon = '2026-11-23T12:00:00Z';
    expect(trT.date(noon)).toBe(new Intl.DateTimeFormat('tr', { dateStyle: 'medium' }).format(new Date(noon)));
    expect(createTranslator(locale('en-GB')).date(noon)).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(noon)));
  });

  it('isolates filled-in values in right-to-left languages only', () => {
    expect(createTranslator(locale('ar')).t('reward.ready', { reward: '%10 indirim' })).toBe('لديك نقاط كافية للحصول على \u2068%10 indirim\u2069.');
    expect(createTranslator(locale('en')).t('reward.ready', { reward: '10% off' })).toBe('You have enough points for 10% off.');
  });

  it('puts Turkish tier names in the dative by vowel harmony', () => {
    expect(trDative('Altın')).toBe("Altın'a");
    expect(trDative('Gümüş')).toBe("Gümüş'e");
    expect(trDative('Bronz')).toBe("Bronz'a");
    expect(trDative('Platin')).toBe("Platin'e");
    expect(trDative('Elmas Kulübü')).toBe("Elmas Kulübü'ne".replace('ne', 'ye'));
    const t = createTranslator(locale('tr')).t;
    expect(t('tier.toNext', { tier: 'Altın', amount: '550 puan' })).toBe("Altın'a 550 puan kaldı");
    expect(createTranslator(locale('en')).t('tier.toNext', { tier: 'Gold', amount: '550 points' })).toBe('550 points to Gold');
  });

  it('fills {params} and formats numbers in them', () => {
    expect(createTranslator(locale('tr')).t('tier.multiplier', { multiplier: 1.5 })).toBe('1,5× puan');
    expect(createTranslator(locale('en')).t('header.greeting', { name: 'Ayşe' })).toBe('Hi Ayşe');
  });
});

describe('catalogs', () => {
  it.each([
    ['en', en],
    ['ar', ar],
  ])('%s has exactly the Turkish keys, each non-empty, plurals as plurals', (_language, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(tr).sort());
    for (const [key, value] of Object.entries(catalog)) {
      const source = tr[key as keyof typeof tr];
      // A plural stays a plural; text may be a string or, for grammar-heavy languages, a function.
      expect(typeof value === 'object', key).toBe(typeof source === 'object');
      if (typeof value === 'string') expect(value.trim().length, key).toBeGreaterThan(0);
      if (typeof value === 'object') expect(Object.keys(value)).toEqual(expect.arrayContaining(['one', 'other']));
    }
  });

  it('every language has a panel catalog and launcher strings, with the same {slots} as Turkish', () => {
    expect(Object.keys(launcherMessages).sort()).toEqual([...LANGUAGES].sort());
    const slots = (text: unknown) => [...String(typeof text === 'object' && text ? Object.values(text).join(' ') : text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(launcherMessages[language]).sort()).toEqual(Object.keys(launcherMessages.tr).sort());
      for (const [key, value] of Object.entries(catalogs[language])) {
        const source = tr[key as keyof typeof tr];
        if (typeof source === 'function' || typeof value === 'function') continue;
        expect(new Set(slots(value)), `${language} ${key}`).toEqual(new Set(slots(source)));
      }
    }
  });
});

describe('locale chain', () => {
  it('option first, then <html lang>, then the browser, then Turkish', () => {
    document.documentElement.lang = 'en-GB';
    expect(resolveLocale('tr', document, { languages: ['en-US'] })).toEqual({ tag: 'tr', language: 'tr', dir: 'ltr' });
    expect(resolveLocale(undefined, document, { languages: ['tr-TR'] }).tag).toBe('en-GB');
    document.documentElement.lang = 'de';
    expect(resolveLocale('fr', document, { languages: ['de-DE', 'en-US'] })).toMatchObject({ tag: 'en-US', language: 'en' });
    document.documentElement.lang = '';
    expect(resolveLocale(undefined, document, { languages: ['ja'] })).toMatchObject({ tag: 'tr', language: 'tr' });
    expect(resolveLocale(undefined, document, undefined)).toMatchObject({ tag: 'tr' });
  });

  it('marks the last step as the fallback (the shop default decides), and knows right-to-left', () => {
    document.documentElement.lang = '';
    expect(resolveLocale('de', document, { languages: ['fr-FR'] })).toEqual({ tag: 'tr', language: 'tr', dir: 'ltr', fallback: true });
    expect(resolveLocale('ar-EG', document, { languages: [] })).toEqual({ tag: 'ar-EG', language: 'ar', dir: 'rtl' });
    document.documentElement.lang = 'ar';
    expect(resolveLocale(undefined, document, { languages: ['en'] })).toMatchObject({ language: 'ar', dir: 'rtl' });
    document.documentElement.lang = '';
    expect(resolveLocale('not a tag', document, { languages: ['EN-us'] })).toMatchObject({ tag: 'en-US' });
  });

  it('lists exactly the catalog languages that Intl writes right to left', () => {
    const direction = (language: string) => (new Intl.Locale(language) as Intl.Locale & { textInfo: { direction: string } }).textInfo.direction;
    expect(LANGUAGES.filter((language) => direction(language) === 'rtl')).toEqual([...RTL_LANGUAGES]);
  });
});

describe('lazily loaded catalogs', () => {
  it('loads each language on its own, once, and answers with a loaded one meanwhile', async () => {
    expect(catalogFor('en')).toBeNull();
    expect(await loadCatalog('en')).toBe(en);
    expect(catalogFor('en')).toBe(en);
    // Arabic is not loaded yet: English keeps showing while it loads.
    expect(catalogFor('ar')).toBe(en);
    await expect.poll(() => loadedCatalogs.value.ar).toBe(ar);
    expect(catalogFor('ar')).toBe(ar);
    expect(loadCatalog('tr')).toBe(loadCatalog('tr'));
    expect(await loadCatalog('tr')).toBe(tr);
    for (const language of LANGUAGES) expect(await loadCatalog(language)).toBe(catalogs[language]);
  });
});
