import type { Language, PluralForms } from './locale';

/**
 * The launcher's few strings, kept apart from the panel catalogs so the page-view script does not
 * carry the panel's text.
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

const tr: LauncherMessages = {
  label: 'Ödül programı',
  labelWithBalance: 'Ödül programı: {points}',
  points: { one: '{count} puan', other: '{count} puan' },
  rewardReady: ', kullanabileceğin bir ödül var',
};

const en = {
  label: 'Rewards programme',
  labelWithBalance: 'Rewards programme: {points}',
  points: { one: '{count} point', other: '{count} points' },
  rewardReady: ', a reward is ready for you',
} satisfies LauncherMessages;

export const launcherMessages: Record<Language, LauncherMessages> = { tr, en };
