import { sql, type Kysely } from 'kysely';
import { SurveyConfig, type FieldIssue, type MerchantSurvey, type SurveyPrompt, type SurveyQuestion, type SurveyQuestionConfig, type SurveyThankYou } from '../../contract';
import type { Database } from '../db/database';
import type { SurveyRow, Tables } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { ApiError } from '../http/errors';
import { recordConfigChange, SYSTEM, type AuditContext } from './audit';
import { localize } from './localize';
import { forgetGuestBoots } from './guestBootCache';

/** A survey as stored: its validated configuration and bookkeeping. */
export interface StoredSurvey {
  config: SurveyConfig;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Text = Record<string, string>;

// Boot reads every active survey on every page view; re-validating identical JSON each time would
// dominate its cost. Like the programme cache, this is keyed by the row's exact text, so an edit
// through any instance is seen at once and nothing stale is ever served.
const parsedDefinitions = new Map<string, { text: string; config: SurveyConfig }>();

/** Re-validated on read (once per distinct text), so a hand-edited row can never reach a shopper. */
export function storedSurvey(row: SurveyRow): StoredSurvey {
  const key = `${row.shop_id}/${row.id}`;
  let cached = parsedDefinitions.get(key);
  if (cached?.text !== row.definition) {
    cached = { text: row.definition, config: SurveyConfig.parse(JSON.parse(row.definition)) };
    if (parsedDefinitions.size > 5000) parsedDefinitions.clear();
    parsedDefinitions.set(key, cached);
  }
  return { config: cached.config, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function findSurvey(db: Kysely<Tables>, shopId: string, surveyId: string): Promise<StoredSurvey | undefined> {
  const row = await db.selectFrom('surveys').selectAll().where('shop_id', '=', shopId).where('id', '=', surveyId).executeTakeFirst();
  return row ? storedSurvey(row) : undefined;
}

/** The shop's survey, or 404: another shop's survey id is as unknown as one that never existed. */
export async function requireSurvey(db: Kysely<Tables>, shopId: string, surveyId: string): Promise<StoredSurvey> {
  const survey = await findSurvey(db, shopId, surveyId);
  if (!survey) throw new ApiError('survey_not_found', 'This shop has no survey with this id.');
  return survey;
}

export async function listSurveys(db: Kysely<Tables>, shopId: string, options: { activeOnly?: boolean } = {}): Promise<StoredSurvey[]> {
  let query = db.selectFrom('surveys').selectAll().where('shop_id', '=', shopId);
  if (options.activeOnly) query = query.where('active', '=', 1);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(storedSurvey);
}

/** Every shop-authored text of a survey with its field path, for checks that span them all. */
function surveyTexts(config: SurveyConfig): Array<[Array<string | number>, Text | undefined]> {
  const texts: Array<[Array<string | number>, Text | undefined]> = [[['title'], config.title]];
  config.questions.forEach((question, q) => {
    const at = (...path: Array<string | number>) => ['questions', q, ...path];
    texts.push([at('prompt'), question.prompt], [at('description'), question.description]);
    if (question.type === 'nps' || question.type === 'csat') texts.push([at('lowLabel'), question.lowLabel], [at('highLabel'), question.highLabel]);
    if (question.type === 'text') texts.push([at('placeholder'), question.placeholder]);
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      question.options.forEach((option, o) => texts.push([at('options', o, 'label'), option.label]));
    }
  });
  const { thankYou } = config;
  texts.push([['thankYou', 'title'], thankYou.title], [['thankYou', 'body'], thankYou.body]);
  if (thankYou.cta) texts.push([['thankYou', 'cta', 'label'], thankYou.cta.label], [['thankYou', 'cta', 'text'], thankYou.cta.text]);
  return texts;
}

/**
 * Texts must exist in the shop's default locale: that is what every shopper whose language the
 * survey lacks falls back to, so a gap there would show an arbitrary language.
 */
export function missingDefaultTexts(config: SurveyConfig, defaultLocale: string): FieldIssue[] {
  return surveyTexts(config)
    .filter(([, text]) => text !== undefined && !(defaultLocale in text))
    .map(([path]) => ({ path: path.join('.'), message: `needs a "${defaultLocale}" text (the shop's default locale)` }));
}

/**
 * Creates or replaces a survey; every save bumps the version (one upsert, so concurrent saves both
 * count). Audited in the same transaction, with the definition it replaced.
 */
export async function saveSurvey(db: Database, shopId: string, config: SurveyConfig, defaultLocale: string, now: Date, context: AuditContext = SYSTEM): Promise<StoredSurvey> {
  const fields = missingDefaultTexts(config, defaultLocale);
  if (fields.length > 0) throw new ApiError('validation_failed', `Invalid request: check ${fields.map((f) => f.path).join(', ')}.`, fields);
  const at = now.toISOString();
  const definition = JSON.stringify(config);
  const stored = await inTransaction(db, async (trx) => {
    let select = trx.selectFrom('surveys').select('definition').where('shop_id', '=', shopId).where('id', '=', config.id);
    if (db.dialect === 'postgres') select = select.forUpdate();
    const before = await select.executeTakeFirst();
    const row = await trx
      .insertInto('surveys')
      .values({ shop_id: shopId, id: config.id, version: 1, active: config.active ? 1 : 0, definition, created_at: at, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['shop_id', 'id']).doUpdateSet({
          version: sql<number>`surveys.version + 1`,
          active: config.active ? 1 : 0,
          definition,
          updated_at: at,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordConfigChange(
      trx,
      { shopId, action: 'survey.save', subject: `survey:${config.id}`, before: before ? JSON.parse(before.definition) : null, after: config, at: now },
      context,
    );
    return storedSurvey(row);
  });
  forgetGuestBoots(db, shopId);
  return stored;
}

export function merchantSurvey(stored: StoredSurvey): MerchantSurvey {
  return { survey: stored.config, version: stored.version, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
}

/** A question with its texts resolved for one locale. */
function shownQuestion(question: SurveyQuestionConfig, text: (value: Text) => string): SurveyQuestion {
  const optional = (value: Text | undefined) => (value ? text(value) : undefined);
  const base = {
    id: question.id,
    prompt: text(question.prompt),
    ...(question.description ? { description: text(question.description) } : {}),
    required: question.required,
    ...(question.logic ? { logic: question.logic } : {}),
  };
  switch (question.type) {
    case 'nps':
    case 'csat': {
      const labels = { lowLabel: optional(question.lowLabel), highLabel: optional(question.highLabel) };
      const defined = Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== undefined));
      return question.type === 'nps' ? { ...base, type: 'nps', ...defined } : { ...base, type: 'csat', display: question.display, ...defined };
    }
    case 'single-choice':
      return { ...base, type: 'single-choice', options: question.options.map((o) => ({ id: o.id, label: text(o.label) })) };
    case 'multiple-choice':
      return {
        ...base,
        type: 'multiple-choice',
        options: question.options.map((o) => ({ id: o.id, label: text(o.label) })),
        ...(question.minSelected ? { minSelected: question.minSelected } : {}),
        ...(question.maxSelected ? { maxSelected: question.maxSelected } : {}),
      };
    case 'text':
      return {
        ...base,
        type: 'text',
        maxLength: question.maxLength,
        ...(question.placeholder ? { placeholder: text(question.placeholder) } : {}),
        ...(question.multiline !== undefined ? { multiline: question.multiline } : {}),
      };
  }
}

function shownCta(cta: NonNullable<SurveyConfig['thankYou']['cta']>, text: (value: Text) => string): NonNullable<SurveyThankYou['cta']> {
  const { label, text: body, ...rest } = cta;
  return { ...rest, label: text(label), ...(body ? { text: text(body) } : {}) };
}

/** The survey as the widget receives it at boot, texts in the shopper's locale. */
export function surveyPrompt(stored: StoredSurvey, locale: string, defaultLocale: string, closedOrderIds?: string[]): SurveyPrompt {
  const { config } = stored;
  const text = (value: Text) => localize(value, locale, defaultLocale);
  const { thankYou } = config;
  return {
    id: config.id,
    version: stored.version,
    title: text(config.title),
    trigger: config.trigger,
    audience: config.audience,
    frequency: config.frequency,
    bypassInterruptionBudget: config.bypassInterruptionBudget,
    rewardPoints: config.reward?.points ?? null,
    questions: config.questions.map((question) => shownQuestion(question, text)),
    thankYou: {
      title: text(thankYou.title),
      ...(thankYou.body ? { body: text(thankYou.body) } : {}),
      ...(thankYou.cta ? { cta: shownCta(thankYou.cta, text) } : {}),
    },
    ...(closedOrderIds ? { closedOrderIds } : {}),
  };
}
