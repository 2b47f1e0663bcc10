import { describe, expect, it } from 'vitest';
import { en } from '../../src/widget/i18n/en';
import { launcherMessages } from '../../src/widget/i18n/launcher';
import { formatPoints, resolveLocale } from '../../src/widget/i18n/locale';
import { tr, trDative } from '../../src/widget/i18n/tr';
import { createTranslator } from '../../src/widget/i18n/translate';

const locale = (tag: string) => resolveLocale(tag, document, { languages: [] });

describe('formatting', () => {
  it.each([
    ['tr', 1250, '1.250 puan'],
    ['tr', 1, '1 puan'],
    ['en', 1250, '1,250 points'],
    ['en', 1, '1 point'],
    ['en-GB', 0, '0 points'],
  ])('%s: %i points → %s', (tag, count, expected) => {
    const resolved = locale(tag);
    expect(formatPoints(resolved.tag, count, launcherMessages[resolved.language].points)).toBe(expected);
    expect(createTranslator(resolved).points(count)).toBe(expected);
  });

  it('signs gains and spends', () => {
    expect(createTranslator(locale('tr')).points(725, true)).toBe('+725 puan');
    expect(createTranslator(locale('en')).points(-1000, true)).toBe('-1,000 points');
  });

  it('formats money and relative dates with Intl', () => {
    const trT = createTranslator(locale('tr'));
    const enT = createTranslator(locale('en'));
    expect(trT.money(550, 'TRY')).toBe('₺550');
    expect(enT.money(12.5, 'TRY')).toBe('TRY\u00a012.50');
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(trT.relative('2026-11-22T12:00:00Z', now)).toBe('dün');
    expect(enT.relative('2026-11-20T12:00:00Z', now)).toBe('3 days ago');
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
  it('English has exactly the Turkish keys, each non-empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(tr).sort());
    for (const value of Object.values(en)) expect(typeof value === 'string' ? value.length : 1).toBeGreaterThan(0);
    expect(Object.keys(launcherMessages.en).sort()).toEqual(Object.keys(launcherMessages.tr).sort());
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
});
