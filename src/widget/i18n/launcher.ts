import type { Language, PluralForms } from './locale';

/**
 * The page view's few strings (the launcher's, and the inline placements' that the page module
 * fills), kept apart from the panel catalogs so that a page view loads no catalog. Every language
 * in `LANGUAGES` must have them (a type error otherwise).
 */
export interface LauncherMessages {
  /** Accessible name without a balance. */
  label: string;
  /** Accessible name with the balance, `{points}` is the formatted amount. */
  labelWithBalance: string;
  points: PluralForms;
  /** Appended to the name while the badge shows. */
  rewardReady: string;
  /** `data-sadakat="points-for"`: what an amount earns, `{points}` is the formatted amount. */
  pointsFor: string;
}

export const launcherMessages: Record<Language, LauncherMessages> = {
  tr: {
    label: 'Ödül programı',
    labelWithBalance: 'Ödül programı: {points}',
    points: { one: '{count} puan', other: '{count} puan' },
    rewardReady: ', kullanabileceğin bir ödül var',
    pointsFor: '{points} kazan',
  },
  en: {
    label: 'Rewards programme',
    labelWithBalance: 'Rewards programme: {points}',
    points: { one: '{count} point', other: '{count} points' },
    rewardReady: ', a reward is ready for you',
    pointsFor: 'Earn {points}',
  },
  ar: {
    label: 'برنامج المكافآت',
    labelWithBalance: 'برنامج المكافآت: {points}',
    points: { one: '{count} نقطة', two: '{count} نقطتان', few: '{count} نقاط', other: '{count} نقطة' },
    rewardReady: '، لديك مكافأة جاهزة',
    pointsFor: 'اكسب {points}',
  },
};
