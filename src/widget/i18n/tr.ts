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

/**
 * The source catalog. Every other catalog (`en.ts`, `ar.ts`) is declared `satisfies Messages`: a
 * missing key, an extra key or a wrong kind of value is a type error.
 */
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
  /** Read by screen readers (polite live region) when the balance changes. */
  'points.changed': 'Bakiyen güncellendi: {balance} ({delta}).',

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

  'error.title': 'Puanlarını şu an gösteremiyoruz',
  'error.network': 'Bağlantı kurulamadı. İnternet bağlantını kontrol edip yeniden dene.',
  'error.invalid': 'Gelen bilgiler doğrulanamadı, bu yüzden bakiyeni göstermiyoruz.',
  'error.generic': 'Bir sorun oluştu. Birazdan yeniden dene.',
  'error.retry': 'Yeniden dene',

  'survey.region': 'Anket: {title}',
  'survey.announce': 'Kısa bir anket: {title}',
  'survey.progress': '{current} / {total}',
  'survey.progressLabel': 'Soru {current} / {total}',
  'survey.optional': 'İsteğe bağlı',
  'survey.next': 'İleri',
  'survey.back': 'Geri',
  'survey.submit': 'Gönder',
  'survey.sending': 'Gönderiliyor…',
  'survey.close': 'Anketi kapat',
  'survey.done': 'Kapat',
  'survey.required': 'Devam etmek için bu soruyu yanıtla.',
  'survey.tooLong': 'En fazla {count} karakter yazabilirsin.',
  'survey.invalidText': 'Metinde kaydedemediğimiz görünmez karakterler var; onları silip yeniden dene.',
  'survey.minSelected': 'En az {count} seçenek seç.',
  'survey.maxSelected': 'En fazla {count} seçenek seçebilirsin.',
  'survey.counter': '{count} / {max}',
  'survey.counterLabel': '{max} karakterden {count} karakter yazıldı',
  'survey.stars': { one: '{count} yıldız', other: '{count} yıldız' },
  'survey.face1': 'Hiç memnun değilim',
  'survey.face2': 'Memnun değilim',
  'survey.face3': 'Ne memnunum ne değilim',
  'survey.face4': 'Memnunum',
  'survey.face5': 'Çok memnunum',
  'survey.queued': 'Yanıtların bu cihazda saklandı; bağlantı gelince gönderilecek.',
  'survey.unsaved': 'Yanıtlarını kaydedemedik: bağlantı yok ve tarayıcın yanıtları bu cihazda saklamamıza izin vermiyor. Bağlantını kontrol edip yeniden dene.',
  'survey.retry': 'Yeniden dene',
  'survey.rejected': 'Yanıtlarını kaydedemedik. Sayfayı yenileyip yeniden deneyebilirsin.',
  'survey.alreadyAnswered': 'Bu anketi daha önce yanıtlamışsın. Teşekkürler!',
  'survey.rewardCredited': '{points} hesabına eklendi.',
  'survey.rewardPending': 'Siparişin onaylanınca {points} hesabına eklenecek.',
  'survey.emptyTitle': 'Şu an bekleyen anket yok',
  'survey.emptyBody': 'Fikrini sormak istediğimizde seni burada bulacağız.',
  'earn.intro': 'Puanlar alışverişte ve aşağıdaki görevlerde hesabına eklenir.',
  'earn.orderRate': '{unit} = {points}',
  'earn.orderTitle': 'Alışverişlerinden',
  'earn.orderTier': '{tier} seviyesinde {multiplier}× puan',
  'earn.orderCampaign': '{name}: {multiplier}× puan, şimdi geçerli',
  'earn.orderTotal': 'Şu an her {unit} alışverişe {points}',
  'earn.tasks': 'Görevler',
  'earn.once': 'Bir kez',
  'earn.claim': '{points} kazan',
  'earn.claimed': 'Kazanıldı',
  'earn.birthdayLabel': 'Doğum günün',
  'earn.birthdaySave': 'Kaydet',
  'earn.birthdaySaved': 'Doğum günün: {date}. O gün {points} hesabında.',
  'earn.birthdayHint': 'Bir kez girilir; doğum gününde {points} hediye.',
  'earn.other': 'Diğer yollar',

  'rewards.balance': 'Kullanabileceğin puan: {amount}',
  'rewards.catalogue': 'Ödül kataloğu',
  'rewards.redeem': 'Puanla al',
  'rewards.lockedPoints': '{amount} daha gerekli',
  'rewards.lockedTier': (p: Params) => `${p.tier} ve üstü seviyelere özel`,
  'rewards.available': 'Kullanılabilir',
  'rewards.confirmTitle': 'Ödülü almak istiyor musun?',
  'rewards.confirmBody': '{reward} için bakiyenden {cost} düşülecek. Kalan: {after}.',
  'rewards.confirm': 'Evet, puanla al',
  'rewards.cancel': 'Vazgeç',
  'rewards.pending': 'İşleniyor…',
  'rewards.priceChangedTo': 'Bu ödülün fiyatı {cost} olarak değişti. Yeni fiyatla almak için tekrar onayla.',
  'rewards.issuedTitle': 'Kodun hazır',
  'rewards.howTo': 'Ödeme adımında kupon kodu alanına yapıştır.',
  'rewards.copy': 'Kodu kopyala',
  'rewards.copied': 'Kopyalandı',
  'rewards.copyFallback': 'Kod seçildi: kopyalamak için Ctrl+C (Mac’te ⌘C).',
  'rewards.done': 'Tamam',
  'rewards.codes': 'Kullanılmamış kodların',
  'rewards.codesEmpty': 'Henüz kodun yok.',
  'rewards.expires': 'Son gün: {date}',
  'rewards.minOrder': '{amount} ve üzeri siparişlerde',

  'activity.all': 'Puan geçmişin',
  'activity.more': 'Daha fazla göster',
  'activity.loading': 'Hareketler yükleniyor…',
  'activity.ref': 'Sipariş {ref}',
  'activity.end': 'Hepsi bu kadar.',

  'toast.earned': 'Hesabına {amount} eklendi!',

  'claim.insufficient_points': 'Bu ödül için puanın yetmiyor.',
  'claim.price_changed': 'Bu ödülün fiyatı değişti.',
  'claim.tier_required': 'Bu ödül daha üst bir seviyeye özel.',
  'claim.reward_not_found': 'Bu ödül artık yok. Sayfayı yenileyip yeniden dene.',
  'claim.already_claimed': 'Bunu daha önce kazandın.',
  'claim.birthday_already_set': 'Doğum günün daha önce kaydedilmiş.',
  'claim.validation_failed': 'Girdiğin bilgiyi kontrol et.',
  'claim.unauthorized': 'Oturumun sona ermiş. Sayfayı yenileyip yeniden giriş yap.',
  'claim.network': 'Bağlantı kurulamadı. Puanların düşmedi; yeniden dene.',
  'claim.generic': 'Bir sorun oluştu. Birazdan yeniden dene.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof tr;
/** Every key of the source catalog; a plural stays a plural (its forms differ by language). */
export type Messages = { [K in MessageKey]: (typeof tr)[K] extends PluralForms ? PluralForms : string | ((params: Params) => string) };
