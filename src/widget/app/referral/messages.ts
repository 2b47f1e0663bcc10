import type { Language } from '../../i18n/locale';
import type { Translator } from '../../i18n/translate';

// The referral chunk's strings, apart from the panel catalogs so that they load with the chunk.
// Turkish is the source; `en` and `ar` must have every key (a type error otherwise).

const tr = {
  'ref.intro': 'Arkadaşın ilk siparişinde {offer} kazanır, sen de {points} kazanırsın.',
  'ref.introPointsOnly': 'Arkadaşın ilk siparişini verdiğinde sen {points} kazanırsın.',
  'ref.linkLabel': 'Davet bağlantın',
  'ref.code': 'Davet kodun: {code}',
  'ref.copy': 'Bağlantıyı kopyala',
  'ref.copied': 'Kopyalandı',
  'ref.copyFallback': 'Bağlantı seçildi: kopyalamak için Ctrl+C (Mac’te ⌘C).',
  'ref.share': 'Paylaş',
  'ref.shareVia': 'Paylaş',
  'ref.shareOn': '{channel} ile paylaş (yeni sekmede açılır)',
  'ref.email': 'E-posta',
  'ref.sms': 'SMS',
  'ref.message': '{shop} için sana {offer} hediye ediyorum! İlk siparişinde geçerli:',
  'ref.messageNoOffer': '{shop} bence çok hoşuna gidecek:',
  'ref.subject': '{shop} davetin',
  'ref.qr': 'QR kod: telefonla okutunca davet bağlantın açılır',
  'ref.statsTitle': 'Davetlerin',
  'ref.visits': 'Bağlantını açan',
  'ref.orders': 'Sipariş veren arkadaş',
  'ref.pending': 'Onay bekleyen',
  'ref.earned': 'Kazandığın',
  'ref.hold': 'Puanların, arkadaşının siparişinden {days} gün sonra, sipariş iade edilmezse hesabına geçer.',
  'ref.holdNone': 'Puanların, arkadaşının siparişi onaylanınca hesabına geçer.',
  'ref.loading': 'Davet bağlantın hazırlanıyor…',
  'ref.error': 'Davet bilgilerin yüklenemedi.',
  'ref.retry': 'Yeniden dene',
  'ref.guestTitle': 'Davet et, birlikte kazanın',
  'ref.guestBody': 'Kişisel davet bağlantını almak için giriş yap ya da üye ol.',
  'ref.join': 'Hemen üye ol',
  'ref.signIn': 'Giriş yap',

  'offer.percent_off': '%{value} indirim',
  'offer.amount_off': '{amount} indirim',
  'offer.free_shipping': 'ücretsiz kargo',

  'friend.greeting': '{name} sana ilk siparişinde {offer} hediye etti!',
  'friend.greetingNoName': 'Bir arkadaşın sana ilk siparişinde {offer} hediye etti!',
  'friend.open': 'Hediyeni al',
  'friend.dismiss': 'Kapat',
  'friend.emailLabel': 'E-posta adresin',
  'friend.privacy': 'Adresini yalnızca sana tek bir kod ayırmak için kullanırız.',
  'friend.claim': 'İndirim kodumu al',
  'friend.claiming': 'Kodun hazırlanıyor…',
  'friend.claimed': 'İndirim kodun hazır',
  'friend.codeLabel': 'İndirim kodun',
  'friend.howTo': 'Ödeme adımında kupon kodu alanına yapıştır.',
  'friend.expires': 'Son gün: {date}',
  'friend.minOrder': '{amount} ve üzeri siparişlerde',
  'friend.invalidEmail': 'Geçerli bir e-posta adresi yaz.',
  'friend.own': 'Kendi davet bağlantının hediyesini alamazsın; bağlantını arkadaşlarınla paylaş.',
  'friend.failed': 'Kodun alınamadı. Birazdan yeniden dene.',
};

export type ReferralKey = keyof typeof tr;
type Catalog = Record<ReferralKey, string>;

const en: Catalog = {
  'ref.intro': 'Your friend gets {offer} on their first order, and you earn {points}.',
  'ref.introPointsOnly': 'You earn {points} when your friend places their first order.',
  'ref.linkLabel': 'Your invite link',
  'ref.code': 'Your invite code: {code}',
  'ref.copy': 'Copy link',
  'ref.copied': 'Copied',
  'ref.copyFallback': 'Link selected: press Ctrl+C (⌘C on a Mac) to copy.',
  'ref.share': 'Share',
  'ref.shareVia': 'Share',
  'ref.shareOn': 'Share on {channel} (opens in a new tab)',
  'ref.email': 'Email',
  'ref.sms': 'SMS',
  'ref.message': "Here's {offer} at {shop} from me! It works on your first order:",
  'ref.messageNoOffer': "I think you'll love {shop}:",
  'ref.subject': 'Your invite to {shop}',
  'ref.qr': 'QR code: scan it with a phone to open your invite link',
  'ref.statsTitle': 'Your invites',
  'ref.visits': 'Opened your link',
  'ref.orders': 'Friends who ordered',
  'ref.pending': 'Awaiting approval',
  'ref.earned': 'You earned',
  'ref.hold': "Your points arrive {days} days after your friend's order, if it isn't returned.",
  'ref.holdNone': "Your points arrive once your friend's order is approved.",
  'ref.loading': 'Preparing your invite link…',
  'ref.error': "We couldn't load your invites.",
  'ref.retry': 'Try again',
  'ref.guestTitle': 'Invite friends, earn together',
  'ref.guestBody': 'Sign in or join to get your personal invite link.',
  'ref.join': 'Join now',
  'ref.signIn': 'Sign in',

  'offer.percent_off': '{value}% off',
  'offer.amount_off': '{amount} off',
  'offer.free_shipping': 'free shipping',

  'friend.greeting': '{name} gave you {offer} on your first order!',
  'friend.greetingNoName': 'A friend gave you {offer} on your first order!',
  'friend.open': 'Get your gift',
  'friend.dismiss': 'Dismiss',
  'friend.emailLabel': 'Your email address',
  'friend.privacy': 'We use your address only to keep one code for you.',
  'friend.claim': 'Get my discount code',
  'friend.claiming': 'Preparing your code…',
  'friend.claimed': 'Your discount code is ready',
  'friend.codeLabel': 'Your discount code',
  'friend.howTo': 'Paste it into the coupon field at checkout.',
  'friend.expires': 'Valid until {date}',
  'friend.minOrder': 'On orders of {amount} or more',
  'friend.invalidEmail': 'Enter a valid email address.',
  'friend.own': "You can't claim the gift of your own invite link; share it with friends instead.",
  'friend.failed': "We couldn't get your code. Try again in a moment.",
};

const ar: Catalog = {
  'ref.intro': 'يحصل صديقك على {offer} في طلبه الأول، وتكسب أنت {points}.',
  'ref.introPointsOnly': 'تكسب {points} عندما يضع صديقك طلبه الأول.',
  'ref.linkLabel': 'رابط دعوتك',
  'ref.code': 'رمز دعوتك: {code}',
  'ref.copy': 'نسخ الرابط',
  'ref.copied': 'تم النسخ',
  'ref.copyFallback': 'تم تحديد الرابط: اضغط Ctrl+C (أو ⌘C على ماك) للنسخ.',
  'ref.share': 'مشاركة',
  'ref.shareVia': 'مشاركة',
  'ref.shareOn': 'المشاركة عبر {channel} (يفتح في علامة تبويب جديدة)',
  'ref.email': 'البريد الإلكتروني',
  'ref.sms': 'رسالة نصية',
  'ref.message': 'أهديك {offer} في {shop}! صالح لطلبك الأول:',
  'ref.messageNoOffer': 'أظن أن {shop} سيعجبك:',
  'ref.subject': 'دعوتك إلى {shop}',
  'ref.qr': 'رمز QR: امسحه بالهاتف لفتح رابط دعوتك',
  'ref.statsTitle': 'دعواتك',
  'ref.visits': 'فتحوا رابطك',
  'ref.orders': 'أصدقاء طلبوا',
  'ref.pending': 'بانتظار الموافقة',
  'ref.earned': 'ربحت',
  'ref.hold': 'تصل نقاطك بعد {days} يومًا من طلب صديقك، إن لم يُرجَع الطلب.',
  'ref.holdNone': 'تصل نقاطك عند اعتماد طلب صديقك.',
  'ref.loading': 'جارٍ تجهيز رابط دعوتك…',
  'ref.error': 'تعذّر تحميل دعواتك.',
  'ref.retry': 'حاول مجددًا',
  'ref.guestTitle': 'ادعُ أصدقاءك واربحوا معًا',
  'ref.guestBody': 'سجّل الدخول أو انضم للحصول على رابط دعوتك الشخصي.',
  'ref.join': 'انضم الآن',
  'ref.signIn': 'تسجيل الدخول',

  'offer.percent_off': 'خصم {value}٪',
  'offer.amount_off': 'خصم {amount}',
  'offer.free_shipping': 'شحن مجاني',

  'friend.greeting': 'أهداك {name} {offer} على طلبك الأول!',
  'friend.greetingNoName': 'أهداك صديق {offer} على طلبك الأول!',
  'friend.open': 'احصل على هديتك',
  'friend.dismiss': 'إغلاق',
  'friend.emailLabel': 'بريدك الإلكتروني',
  'friend.privacy': 'نستخدم عنوانك فقط لنحفظ لك رمزًا واحدًا.',
  'friend.claim': 'احصل على رمز الخصم',
  'friend.claiming': 'جارٍ تجهيز رمزك…',
  'friend.claimed': 'رمز الخصم جاهز',
  'friend.codeLabel': 'رمز الخصم',
  'friend.howTo': 'الصقه في حقل القسيمة عند الدفع.',
  'friend.expires': 'صالح حتى {date}',
  'friend.minOrder': 'للطلبات بقيمة {amount} أو أكثر',
  'friend.invalidEmail': 'أدخل بريدًا إلكترونيًا صالحًا.',
  'friend.own': 'لا يمكنك الحصول على هدية رابط دعوتك؛ شاركه مع أصدقائك.',
  'friend.failed': 'تعذّر الحصول على رمزك. حاول بعد قليل.',
};

export const referralCatalogs: Record<Language, Catalog> = { tr, en, ar };

export type ReferralText = (key: ReferralKey, params?: Record<string, string | number>) => string;

/** Fills `{slots}` like the panel's translator: numbers formatted for the locale, values isolated in RTL. */
export function referralText(translator: Translator): ReferralText {
  const { locale } = translator;
  const catalog = referralCatalogs[locale.language];
  const [open, close] = locale.dir === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = params[name];
      return value === undefined ? slot : open + (typeof value === 'number' ? translator.number(value) : value) + close;
    });
}
