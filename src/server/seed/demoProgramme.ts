import type { ProgrammeConfig } from '../../contract';

const DAY = 24 * 60 * 60 * 1000;

/** Kervan Kulübü: the demo shop's programme (a specialty coffee and ceramics shop in Istanbul). */
export function demoProgramme(now: Date, origin?: string): ProgrammeConfig {
  return {
    name: { tr: 'Kervan Kulübü', en: 'Kervan Club' },
    currency: 'TRY',
    defaultLocale: 'tr',
    timeZone: 'Europe/Istanbul',
    ...(origin ? { joinUrl: `${origin}/hesap?islem=kayit`, signInUrl: `${origin}/hesap?islem=giris` } : {}),
    tierBasis: 'points_earned',
    earnRules: [
      { kind: 'order', id: 'order', pointsPerUnit: 1 },
      { kind: 'signup', id: 'signup', points: 200 },
      { kind: 'birthday', id: 'birthday', points: 250 },
      {
        kind: 'action',
        id: 'instagram',
        points: 100,
        label: { tr: "Instagram'da bizi takip et", en: 'Follow us on Instagram' },
        url: 'https://www.instagram.com/',
      },
      { kind: 'action', id: 'newsletter', points: 50, label: { tr: 'Bültenimize abone ol', en: 'Subscribe to our newsletter' } },
      { kind: 'survey', id: 'survey', points: 50 },
      { kind: 'review', id: 'review', points: 75 },
      { kind: 'referral', id: 'referral', points: 500 },
    ],
    rewards: [
      { id: 'free-shipping', kind: 'free_shipping', name: { tr: 'Ücretsiz kargo', en: 'Free shipping' }, cost: 400, validDays: 90 },
      { id: '50-off', kind: 'amount_off', name: { tr: '50 ₺ indirim', en: '₺50 off' }, cost: 1000, value: 50 },
      { id: '10-percent', kind: 'percent_off', name: { tr: '%10 indirim', en: '10% off' }, cost: 1500, value: 10, minOrder: 750 },
      {
        id: 'kervan-cup',
        kind: 'free_product',
        name: { tr: 'El yapımı Kervan fincanı', en: 'Handmade Kervan cup' },
        cost: 3000,
        tierId: 'altin',
      },
    ],
    tiers: [
      { id: 'bronz', name: { tr: 'Bronz', en: 'Bronze' }, threshold: 0, multiplier: 1, perks: [{ tr: 'Her 1 ₺ için 1 puan', en: '1 point per ₺1' }] },
      {
        id: 'gumus',
        name: { tr: 'Gümüş', en: 'Silver' },
        threshold: 1500,
        multiplier: 1.25,
        perks: [{ tr: 'Puanlar 1,25 kat', en: '1.25× points' }, { tr: 'Doğum gününde sürpriz', en: 'A birthday surprise' }],
      },
      {
        id: 'altin',
        name: { tr: 'Altın', en: 'Gold' },
        threshold: 4000,
        multiplier: 1.5,
        earlyAccess: true,
        perks: [
          { tr: 'Puanlar 1,5 kat', en: '1.5× points' },
          { tr: 'Yeni kavrumlara erken erişim', en: 'Early access to new roasts' },
          { tr: 'Altın üyelere özel ödüller', en: 'Gold-only rewards' },
        ],
      },
    ],
    campaigns: [
      {
        id: 'coffee-week',
        name: { tr: 'Kahve Haftası: çift puan', en: 'Coffee Week: double points' },
        startsAt: new Date(now.getTime() - 2 * DAY).toISOString(),
        endsAt: new Date(now.getTime() + 5 * DAY).toISOString(),
        multiplier: 2,
      },
    ],
    interruptionBudget: { days: 3 },
    referrals: { friendReward: { kind: 'percent_off', value: 10, validDays: 30 }, holdDays: 14, maxPerWeekPerIpOrDevice: 3, afterPayoutRefund: 'reverse' },
  };
}
