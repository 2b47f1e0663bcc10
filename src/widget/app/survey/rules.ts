import type { BootResponse } from '../../../contract/boot';
import type { InterruptionBudget, SurveyPrompt } from '../../../contract/survey';

const DAY = 24 * 60 * 60 * 1000;
const MAX_ORDERS = 50;

/** What this browser remembers about one survey, for one identity. */
export interface SurveyRecord {
  id: string;
  shown?: number;
  dismissed?: number;
  completed?: number;
  /** Orders whose `once-per-order` survey was answered or dismissed. */
  orders?: string[];
}

/**
 * The local memory behind the frequency rules and the interruption budget: the server applies
 * them for signed-in shoppers (across devices), this applies them for guests, and for everyone
 * within the page (a survey just shown must not be shown again by the next trigger). A list, not
 * an object keyed by id, so a survey called `constructor` cannot meet `Object.prototype`.
 */
export interface SurveyHistory {
  /** The last prompt shown in this browser (ms), for the shared interruption budget. */
  last: number | null;
  surveys: SurveyRecord[];
}

export const emptyHistory = (): SurveyHistory => ({ last: null, surveys: [] });

/** Reads a stored history defensively (old versions, hand-edited storage). */
export function toHistory(raw: unknown): SurveyHistory {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<SurveyHistory>;
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
  return {
    last: num(value.last) ?? null,
    surveys: (Array.isArray(value.surveys) ? value.surveys : [])
      .filter((record): record is SurveyRecord => typeof record === 'object' && record !== null && typeof record.id === 'string')
      .map((record) => ({
        id: record.id,
        shown: num(record.shown),
        dismissed: num(record.dismissed),
        completed: num(record.completed),
        orders: Array.isArray(record.orders) ? record.orders.filter((order): order is string => typeof order === 'string') : [],
      })),
  };
}

/** Notes an impression, a dismissal or a completion; returns the new history. */
export function remember(history: SurveyHistory, surveyId: string, event: 'shown' | 'dismissed' | 'completed', now: number, orderId: string | null): SurveyHistory {
  const records = history.surveys.filter((record) => record.id !== surveyId);
  const record: SurveyRecord = { ...(history.surveys.find((r) => r.id === surveyId) ?? { id: surveyId }), [event]: now };
  if (orderId !== null && event !== 'shown') record.orders = [...(record.orders ?? []).filter((o) => o !== orderId), orderId].slice(-MAX_ORDERS);
  return { last: event === 'shown' ? now : history.last, surveys: [...records, record] };
}

export interface AskContext {
  signedIn: boolean;
  orderId: string | null;
  history: SurveyHistory;
  budget: InterruptionBudget | undefined;
  now: number;
  /** The shopper opened the survey view themselves: no "don't pester" budget applies. */
  requested?: boolean;
}

/**
 * May this survey be shown now? Audience, frequency (`once-per-customer`, `once-per-order` and
 * `recontactDays`) and the shared interruption budget, as `docs/surveys.md` §2 describes them.
 */
export function mayAsk(prompt: SurveyPrompt, context: AskContext): boolean {
  if (prompt.audience === 'signed-in' && !context.signedIn) return false;
  const record = context.history.surveys.find((r) => r.id === prompt.id);
  if (prompt.frequency.mode === 'once-per-order') {
    if (context.orderId === null) return false;
    if (prompt.closedOrderIds?.includes(context.orderId) || record?.orders?.includes(context.orderId)) return false;
  } else if (record?.completed !== undefined) {
    return false;
  }
  const touched = Math.max(record?.shown ?? 0, record?.dismissed ?? 0, record?.completed ?? 0);
  if (touched > 0 && context.now - touched < prompt.frequency.recontactDays * DAY) return false;
  const budget = context.budget;
  if (!context.requested && !prompt.bypassInterruptionBudget && budget && budget.days > 0) {
    const last = Math.max(context.history.last ?? 0, budget.lastPromptAt ? Date.parse(budget.lastPromptAt) || 0 : 0);
    if (last > 0 && context.now - last < budget.days * DAY) return false;
  }
  return true;
}

/** The first survey of the boot payload that `matches` and may be shown now (`mayAsk`). */
export function dueSurvey(boot: BootResponse | null, matches: (prompt: SurveyPrompt) => boolean, context: Omit<AskContext, 'signedIn' | 'budget'>): SurveyPrompt | undefined {
  const ask = { ...context, signedIn: boot?.customer != null, budget: boot?.interruptionBudget };
  return (boot?.surveys ?? []).find((prompt): prompt is SurveyPrompt => prompt !== null && matches(prompt) && mayAsk(prompt, ask));
}
