import type { InterruptionBudget, ProgrammeConfig, SurveyPrompt } from '../../contract';
import type { CustomerClaims } from '../auth/customerToken';
import type { Database } from '../db/database';
import { listSurveys, surveyPrompt } from './surveys';

const DAY = 24 * 60 * 60 * 1000;
/** At most one prompt every this many days when the shop has not set its own budget. */
export const DEFAULT_INTERRUPTION_BUDGET_DAYS = 3;
const MAX_CLOSED_ORDERS = 50;

export interface VisitorSurveys {
  surveys: SurveyPrompt[];
  interruptionBudget: InterruptionBudget;
}

interface Contact {
  surveyId: string;
  at: string;
  orderId: string | null;
  /** Completed responses and dismissals close a survey (or one order's survey); impressions do not. */
  closes: boolean;
  completed: boolean;
}

function later(a: string | null, b: string): string {
  return a === null || Date.parse(b) > Date.parse(a) ? b : a;
}

/** Everything the server knows this customer saw, dismissed or answered. Reading never creates rows. */
async function contactsOf(db: Database, shopId: string, externalId: string): Promise<Contact[]> {
  const [responses, events] = await Promise.all([
    db.kysely
      .selectFrom('survey_responses as r')
      .innerJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'r.shop_id').onRef('c.id', '=', 'r.customer_id'))
      .select(['r.survey_id', 'r.order_id', 'r.status', 'r.updated_at'])
      .where('c.shop_id', '=', shopId)
      .where('c.external_id', '=', externalId)
      .execute(),
    db.kysely
      .selectFrom('survey_events as e')
      .innerJoin('customers as c', (join) => join.onRef('c.shop_id', '=', 'e.shop_id').onRef('c.id', '=', 'e.customer_id'))
      .select(['e.survey_id', 'e.order_id', 'e.kind', 'e.created_at'])
      .where('c.shop_id', '=', shopId)
      .where('c.external_id', '=', externalId)
      .execute(),
  ]);
  return [
    ...responses.map((r) => ({ surveyId: r.survey_id, at: r.updated_at, orderId: r.order_id, closes: r.status === 'completed', completed: r.status === 'completed' })),
    ...events.map((e) => ({ surveyId: e.survey_id, at: e.created_at, orderId: e.order_id, closes: e.kind === 'dismissal', completed: false })),
  ];
}

/**
 * The surveys this visitor may be asked now. Guests get the `everyone` surveys and apply frequency
 * and budget in their browser. For a signed-in shopper the server applies them across devices:
 * - a completed `once-per-customer` survey is never offered again;
 * - a survey shown, dismissed or answered less than `recontactDays` ago is held back;
 * - while the shop's interruption budget is spent (a survey shown less than `days` ago), only
 *   surveys that bypass it are offered;
 * - `once-per-order` surveys list the orders already answered or dismissed (`closedOrderIds`).
 */
export async function surveysForVisitor(
  db: Database,
  shopId: string,
  programme: ProgrammeConfig,
  claims: CustomerClaims | null,
  locale: string,
  now: Date,
): Promise<VisitorSurveys> {
  const days = programme.interruptionBudget?.days ?? DEFAULT_INTERRUPTION_BUDGET_DAYS;
  const active = (await listSurveys(db.kysely, shopId, { activeOnly: true })).filter((s) => claims || s.config.audience === 'everyone');
  const prompt = (survey: (typeof active)[number], closed?: string[]) => surveyPrompt(survey, locale, programme.defaultLocale, closed);
  if (!claims) return { surveys: active.map((s) => prompt(s)), interruptionBudget: { days, lastPromptAt: null } };

  const contacts = await contactsOf(db, shopId, claims.externalId);
  const lastPromptAt = contacts.reduce<string | null>((last, contact) => later(last, contact.at), null);
  const budgetSpent = lastPromptAt !== null && days > 0 && now.getTime() - Date.parse(lastPromptAt) < days * DAY;

  const surveys: SurveyPrompt[] = [];
  for (const survey of active) {
    const { frequency, id } = survey.config;
    const own = contacts.filter((c) => c.surveyId === id);
    if (frequency.mode === 'once-per-customer' && own.some((c) => c.completed)) continue;
    const lastContact = own.reduce<string | null>((last, contact) => later(last, contact.at), null);
    if (lastContact !== null && now.getTime() - Date.parse(lastContact) < frequency.recontactDays * DAY) continue;
    if (budgetSpent && !survey.config.bypassInterruptionBudget) continue;
    if (frequency.mode === 'once-per-order') {
      const closed = own
        .filter((c) => c.closes && c.orderId !== null)
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
        .map((c) => c.orderId!);
      surveys.push(prompt(survey, [...new Set(closed)].slice(0, MAX_CLOSED_ORDERS)));
    } else {
      surveys.push(prompt(survey));
    }
  }
  return { surveys, interruptionBudget: { days, lastPromptAt } };
}
