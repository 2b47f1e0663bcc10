import type { Language, PluralForms } from './locale';

/**
 * The launcher's few strings, kept apart from the panel catalogs so the page-view script does not
 * carry the panel's text. Every language in `LANGUAGES` must have them (a type error otherwise).
 */
interface LauncherMessages {
  /** Accessible name without a balance. */
  label: string;
  /** Accessible name with the balance, `{points}` is the formatted amount. */
  labelWithBalance: string;
  points: PluralForms;
  /** Appended to the name while the badge shows. */
  rewardReady: string;
}

export const launcherMessages: Record<Language, LauncherMessages> = {
  tr: {
    label: 'Ödül programı',
    labelWithBalance: 'Ödül programı: {points}',
    points: { one: '{count} puan', other: '{count} puan' },
    rewardReady: ', kullanabileceğin bir ödül var',
  },
  en: {
    label: 'Rewards programme',
    labelWithBalance: 'Rewards programme: {points}',
    points: { one: '{count} point', other: '{count} points' },
    rewardReady: ', a reward is ready for you',
  },
  ar: {
    label: 'برنامج المكافآت',
    labelWithBalance: 'برنامج المكافآت: {points}',
    points: { one: '{count} نقطة', two: '{count} نقطتان', few: '{count} نقاط', other: '{count} نقطة' },
    rewardReady: '، لديك مكافأة جاهزة',
  },
};
