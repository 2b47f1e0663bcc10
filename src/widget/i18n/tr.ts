import type { PluralForms } from './locale';

/** Values: plain text with `{param}` slots, plural forms, or a function for grammar-heavy text. */
export type Params = Record<string, string | number>;
export type Message = string | PluralForms | ((params: Params) => string);

/**
 * Turkish dative for a shop-authored name, by vowel harmony: `Altın'a`, `Gümüş'e`, `Elmas'a`,
 * and a buffer `y` after a vowel: `Platin Plus'a`, `Süper'e`, `Bronzla'ya`.
 */
export function trDative(name: string): string {
  const lower = name.toLocaleLowerCase('tr');
  const vowels = lower.match(/[aıoueiöü]/g);
  const last = vowels?.[vowels.length - 1] ?? 'e';
  const suffix = 'aıou'.includes(last) ? 'a' : 'e';
  return `${name}'${/[aıoueiöü]$/.test(lower) ? 'y' : ''}${suffix}`;
}

/** The source catalog. `en.ts` must provide every key (`satisfies Messages`). */
export const tr = {
  'panel.label': 'Sadakat programı',
  'panel.close': 'Kapat',
  'panel.back': 'Geri',
  'panel.loading': 'Yükleniyor…',

  'header.greeting': 'Merhaba {name}',
  'header.greetingNoName': 'Merhaba',
  'header.guest': 'Alışveriş yaptıkça puan kazan, puanlarını ödüllere dönüştür.',
  'header.balance': 'Puan bakiyen',
  'header.tier': 'Seviye',

  points: { one: '{count} puan', other: '{count} puan' },

  'tier.title': 'Seviye ilerlemen',
  'tier.toNext': (p: Params) => `${trDative(String(p.tier))} ${p.amount} kaldı`,
  'tier.top': 'En üst seviyedesin: {tier}. Tebrikler!',
  'tier.progress': '{tier} seviyesine ilerleme',
  'tier.multiplier': '{multiplier}× puan',
  'tier.none': 'Seviyesiz',

  'reward.title': 'Sıradaki ödülün',
  'reward.ready': '{reward} için puanın yetiyor.',
  'reward.remaining': '{reward} için {amount} daha.',
  'reward.progress': '{reward} ödülüne ilerleme',

  'activity.title': 'Son hareketler',
  'activity.empty': 'Henüz hareket yok. İlk alışverişinle puan kazanmaya başla.',
  'activity.order': 'Sipariş',
  'activity.refund': 'İade',
  'activity.signup': 'Üyelik hediyesi',
  'activity.birthday': 'Doğum günü hediyesi',
  'activity.action': 'Görev',
  'activity.survey': 'Anket',
  'activity.review': 'Değerlendirme',
  'activity.referral': 'Arkadaş daveti',
  'activity.redemption': 'Ödül kullanımı',
  'activity.adjustment': 'Bakiye düzeltmesi',

  'view.home': 'Ana sayfa',
  'view.earn': 'Puan kazan',
  'view.rewards': 'Ödüller',
  'view.referral': 'Arkadaşını davet et',
  'view.activity': 'Tüm hareketler',
  'view.survey': 'Anket',
  'nav.earn': 'Puan kazanmanın yolları',
  'nav.rewards': 'Puanlarını indirime dönüştür',
  'nav.referral': 'Arkadaşın da sen de kazanın',
  'nav.activity': 'Kazandığın ve harcadığın puanlar',

  'soon.title': 'Çok yakında',
  'soon.body': 'Bu bölüm hazırlanıyor. Şimdilik puanlarını ana sayfadan takip edebilirsin.',
  'soon.home': 'Ana sayfaya dön',

  'guest.earn': 'Nasıl kazanırsın',
  'guest.rewards': 'Öne çıkan ödüller',
  'guest.tiers': 'Seviyeler',
  'guest.join': 'Hemen üye ol',
  'guest.signIn': 'Giriş yap',
  'guest.member': 'Zaten üye misin?',
  'guest.sessionRejected': 'Oturumun doğrulanamadı. Puanlarını görmek için yeniden giriş yap.',
  'guest.tierFrom': '{amount} ile',

  'earn.order': 'Her {unit} alışverişe {points}',
  'earn.signup': 'Üye olunca {points}',
  'earn.birthday': 'Doğum gününde {points}',
  'earn.action': '{label}: {points}',
  'earn.survey': 'Anketleri yanıtla: {points}',
  'earn.review': 'Ürün değerlendir: {points}',
  'earn.referral': 'Arkadaşını davet et: {points}',

  'campaign.active': '{name}: şimdi {multiplier}× puan',

  'error.title': 'Puanlarını şu an gösteremiyoruz',
  'error.network': 'Bağlantı kurulamadı. İnternet bağlantını kontrol edip yeniden dene.',
  'error.invalid': 'Gelen bilgiler doğrulanamadı, bu yüzden bakiyeni göstermiyoruz.',
  'error.generic': 'Bir sorun oluştu. Birazdan yeniden dene.',
  'error.retry': 'Yeniden dene',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof tr;
export type Messages = { [K in MessageKey]: Message };
