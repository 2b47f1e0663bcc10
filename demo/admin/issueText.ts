import type { MessageKey } from './i18n';

/**
 * The contract's own checks (across fields) explain themselves in English, for developers; the
 * dashboard says the same in the merchant's language. Anything not listed is shown as it came
 * (zod's type and range messages are already localised, see configModel's `localIssues`).
 */
const KNOWN: ReadonlyArray<[RegExp, MessageKey]> = [
  [/^must be after startsAt$/, 'issueAfterStart'],
  [/^duplicate id /, 'issueDuplicateId'],
  [/^another tier has this threshold$/, 'issueSameThreshold'],
  [/^only one [\w-]+ rule is allowed$/, 'issueOneRule'],
  [/^no tier has this id$/, 'issueNoTier'],
  [/^a [\w-]+ reward needs a value$/, 'issueNeedsValue'],
  [/^at most 100 \(%\)$/, 'issuePercent'],
  [/^must be an https URL$/, 'issueHttps'],
  [/^must be an exact origin/, 'issueOrigin'],
  [/^duplicate origin /, 'issueDuplicateOrigin'],
  [/^needs a "[\w-]+" text/, 'issueDefaultText'],
  [/^must not be below minScore$/, 'issueScoreOrder'],
  [/^must not be before from$|^must be after from$/, 'issueDateOrder'],
  [/^not a question of this survey$/, 'issueUnknownQuestion'],
];

export function issueText(t: (key: MessageKey) => string, message: string): string {
  const known = KNOWN.find(([pattern]) => pattern.test(message));
  return known ? t(known[1]) : message;
}
