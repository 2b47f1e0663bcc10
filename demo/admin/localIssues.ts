import { z } from 'zod/mini';
import type { FieldIssue } from '../../src/contract';
import type { Locale } from './i18n';

/**
 * Checks a value with the same contract schema the server uses, with messages in the dashboard's
 * language, so a mistake is named at its field before anything is sent. The server checks again
 * (and adds what only it knows); either way nothing invalid is saved.
 */
export function localIssues(schema: z.ZodMiniType, value: unknown, locale: Locale): FieldIssue[] {
  z.config(locale === 'tr' ? z.locales.tr() : z.locales.en());
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}
