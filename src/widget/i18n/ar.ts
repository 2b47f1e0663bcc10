import type { Messages } from './tr';

/**
 * Arabic: the right-to-left proof. Plurals use all of Arabic's forms that a points count needs
 * (Intl.PluralRules('ar') gives zero, one, two, few, many, other).
 */
export const ar = {
  'panel.label': 'برنامج المكافآت',
  'panel.close': 'إغلاق',
  'panel.back': 'رجوع',
  'panel.loading': 'جارٍ التحميل…',

  'header.greeting': 'مرحبًا {name}',
  'header.greetingNoName': 'مرحبًا',
  'header.guest': 'اجمع النقاط مع كل عملية شراء وحوّلها إلى مكافآت.',
  'header.balance': 'نقاطك',
  'header.tier': 'المستوى',

  points: { one: '{count} نقطة', two: '{count} نقطتان', few: '{count} نقاط', many: '{count} نقطة', other: '{count} نقطة' },
  'points.changed': 'تم تحديث رصيدك: {balance} ({delta}).',

  'tier.title': 'تقدّم مستواك',
  'tier.toNext': 'باقٍ {amount} للوصول إلى {tier}',
  'tier.top': 'أنت في أعلى مستوى: {tier}. شكرًا لك!',
  'tier.progress': 'التقدّم نحو {tier}',
  'tier.multiplier': '{multiplier}× نقاط',
  'tier.none': 'بلا مستوى بعد',

  'reward.title': 'مكافأتك التالية',
  'reward.ready': 'لديك نقاط كافية للحصول على {reward}.',
  'reward.remaining': 'تحتاج {amount} إضافية للحصول على {reward}.',
  'reward.progress': 'التقدّم نحو {reward}',

  'activity.title': 'آخر النشاطات',
  'activity.empty': 'لا شيء هنا بعد. أول طلب لك يبدأ العدّ.',
  'activity.order': 'طلب',
  'activity.refund': 'استرداد',
  'activity.signup': 'هدية الترحيب',
  'activity.birthday': 'هدية عيد الميلاد',
  'activity.action': 'مهمة',
  'activity.survey': 'استبيان',
  'activity.review': 'تقييم',
  'activity.referral': 'دعوة صديق',
  'activity.redemption': 'استبدال مكافأة',
  'activity.adjustment': 'تعديل الرصيد',

  'view.home': 'الرئيسية',
  'view.earn': 'اكسب النقاط',
  'view.rewards': 'المكافآت',
  'view.referral': 'ادعُ صديقًا',
  'view.activity': 'كل النشاطات',
  'view.survey': 'استبيان',
  'nav.earn': 'طرق كسب النقاط',
  'nav.rewards': 'حوّل نقاطك إلى خصومات',
  'nav.referral': 'تربح أنت وصديقك',
  'nav.activity': 'النقاط المكتسبة والمستخدمة',

  'soon.title': 'قريبًا',
  'soon.body': 'ما زلنا نعمل على هذا القسم. في الأثناء، نقاطك في الصفحة الرئيسية.',
  'soon.home': 'العودة إلى الرئيسية',

  'guest.earn': 'كيف تكسب النقاط',
  'guest.rewards': 'مكافآت مميزة',
  'guest.tiers': 'المستويات',
  'guest.join': 'انضم الآن',
  'guest.signIn': 'تسجيل الدخول',
  'guest.member': 'عضو بالفعل؟',
  'guest.sessionRejected': 'تعذّر التحقق من جلستك. سجّل الدخول مجددًا لترى نقاطك.',
  'guest.tierFrom': 'ابتداءً من {amount}',

  'earn.order': '{points} مقابل كل {unit} تنفقه',
  'earn.signup': 'عند التسجيل: {points}',
  'earn.birthday': 'في عيد ميلادك: {points}',
  'earn.action': '{label}: {points}',
  'earn.survey': 'أجب عن استبيان: {points}',
  'earn.review': 'قيّم منتجًا: {points}',
  'earn.referral': 'ادعُ صديقًا: {points}',

  'error.title': 'لا يمكننا عرض نقاطك الآن',
  'error.network': 'تعذّر الاتصال. تحقّق من اتصالك وحاول مجددًا.',
  'error.invalid': 'تعذّر التحقق من المعلومات التي وصلتنا، لذا لا نعرض رصيدًا.',
  'error.generic': 'حدث خطأ ما. حاول مجددًا بعد قليل.',
  'error.retry': 'حاول مجددًا',
} satisfies Messages;
