import { randomUUID } from 'node:crypto';
import { SurveyConfig, type SurveyConfigInput } from '../../contract';
import type { Database } from '../db/database';
import { recordSurveyEvent } from '../domain/surveyEvents';
import { recordSurveyResponse } from '../domain/surveyResponses';
import { saveSurvey } from '../domain/surveys';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Kervan's post-purchase NPS: detractors are asked what went wrong, passives what would make it
 * better, promoters go straight to a thank-you that invites them to refer a friend.
 */
export const demoNpsSurvey: SurveyConfigInput = {
  id: 'post-purchase-nps',
  title: { tr: 'Siparişin nasıldı?', en: 'How was your order?' },
  trigger: { kind: 'post-purchase' },
  audience: 'everyone',
  frequency: { mode: 'once-per-order', recontactDays: 14 },
  bypassInterruptionBudget: true,
  reward: { points: 50 },
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      prompt: {
        tr: "Kervan'ı bir arkadaşına tavsiye etme olasılığın nedir?",
        en: 'How likely are you to recommend Kervan to a friend?',
      },
      lowLabel: { tr: 'Hiç olası değil', en: 'Not at all likely' },
      highLabel: { tr: 'Çok olası', en: 'Extremely likely' },
      logic: [
        { when: { questionId: 'nps', op: 'lte', value: 6 }, goTo: 'what-went-wrong' },
        { when: { questionId: 'nps', op: 'gte', value: 9 }, goTo: 'thanks' },
        { goTo: 'improve' },
      ],
    },
    {
      id: 'what-went-wrong',
      type: 'text',
      required: false,
      maxLength: 1000,
      multiline: true,
      prompt: { tr: 'Ne ters gitti?', en: 'What went wrong?' },
      description: { tr: 'Her yanıtı okuyoruz.', en: 'We read every answer.' },
      logic: [{ goTo: 'thanks' }],
    },
    {
      id: 'improve',
      type: 'text',
      required: false,
      maxLength: 1000,
      multiline: true,
      prompt: { tr: 'Neyi daha iyi yapabiliriz?', en: 'What could we do better?' },
    },
  ],
  thankYou: {
    title: { tr: 'Teşekkürler!', en: 'Thank you!' },
    body: { tr: 'Yanıtın bize ulaştı.', en: 'We got your answer.' },
    cta: {
      kind: 'view',
      view: 'referral',
      when: { questionId: 'nps', op: 'gte', value: 9 },
      text: { tr: 'Bizi bir arkadaşına önerir misin? İkiniz de kazanırsınız.', en: 'Would you recommend us to a friend? You both earn.' },
      label: { tr: 'Arkadaşını davet et', en: 'Invite a friend' },
    },
  },
};

/** A short CSAT on leaving the site, once per customer. */
export const demoCsatSurvey: SurveyConfigInput = {
  id: 'site-csat',
  title: { tr: 'Kısa bir soru', en: 'A quick question' },
  trigger: { kind: 'exit-intent' },
  audience: 'everyone',
  frequency: { mode: 'once-per-customer', recontactDays: 60 },
  questions: [
    {
      id: 'ease',
      type: 'csat',
      display: 'faces',
      required: true,
      prompt: { tr: 'Aradığını kolayca bulabildin mi?', en: 'Was it easy to find what you were looking for?' },
    },
    {
      id: 'looking-for',
      type: 'single-choice',
      required: false,
      prompt: { tr: 'Ne arıyordun?', en: 'What were you looking for?' },
      options: [
        { id: 'coffee', label: { tr: 'Kahve', en: 'Coffee' } },
        { id: 'ceramics', label: { tr: 'Seramik', en: 'Ceramics' } },
        { id: 'gift', label: { tr: 'Hediye', en: 'A gift' } },
      ],
    },
  ],
  thankYou: { title: { tr: 'Teşekkürler!', en: 'Thank you!' } },
};

type Answers = Array<{ questionId: string; value: number | string | string[] }>;

// Guest answers from the last few weeks, so results are not empty. Guests earn no points, so the
// demo shoppers' balances stay exactly as their histories say.
const NPS_RESPONSES: Array<{ daysAgo: number; order: string; answers: Answers; completed?: false }> = [
  { daysAgo: 27, order: 'W-2001', answers: [{ questionId: 'nps', value: 10 }] },
  { daysAgo: 25, order: 'W-2002', answers: [{ questionId: 'nps', value: 9 }] },
  { daysAgo: 22, order: 'W-2003', answers: [{ questionId: 'nps', value: 8 }, { questionId: 'improve', value: 'Daha fazla filtre kahve çeşidi olsa güzel olur.' }] },
  { daysAgo: 20, order: 'W-2004', answers: [{ questionId: 'nps', value: 3 }, { questionId: 'what-went-wrong', value: 'Kargo 6 gün sürdü, kahve bayatlamıştı.' }] },
  { daysAgo: 17, order: 'W-2005', answers: [{ questionId: 'nps', value: 10 }] },
  { daysAgo: 15, order: 'W-2006', answers: [{ questionId: 'nps', value: 7 }, { questionId: 'improve', value: 'Faster shipping to Izmir, please.' }] },
  { daysAgo: 12, order: 'W-2007', answers: [{ questionId: 'nps', value: 6 }, { questionId: 'what-went-wrong', value: '=Fincanın kulpu kırık geldi; değişim istiyorum.' }] },
  { daysAgo: 9, order: 'W-2008', answers: [{ questionId: 'nps', value: 9 }] },
  { daysAgo: 6, order: 'W-2009', answers: [{ questionId: 'nps', value: 8 }] },
  { daysAgo: 3, order: 'W-2010', answers: [{ questionId: 'nps', value: 10 }] },
  { daysAgo: 1, order: 'W-2011', answers: [{ questionId: 'nps', value: 4 }], completed: false },
];

const CSAT_RESPONSES: Array<{ daysAgo: number; answers: Answers }> = [
  { daysAgo: 20, answers: [{ questionId: 'ease', value: 5 }, { questionId: 'looking-for', value: 'coffee' }] },
  { daysAgo: 14, answers: [{ questionId: 'ease', value: 4 }, { questionId: 'looking-for', value: 'ceramics' }] },
  { daysAgo: 8, answers: [{ questionId: 'ease', value: 2 }, { questionId: 'looking-for', value: 'gift' }] },
  { daysAgo: 2, answers: [{ questionId: 'ease', value: 5 }] },
];

/** Saves the demo surveys and a few weeks of guest answers (through the same code the API runs). */
export async function seedDemoSurveys(db: Database, shopId: string, now: Date): Promise<void> {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY + minutes * 60_000);
  const nps = await saveSurvey(db, shopId, SurveyConfig.parse(demoNpsSurvey), 'tr', at(30));
  const csat = await saveSurvey(db, shopId, SurveyConfig.parse(demoCsatSurvey), 'tr', at(30));

  for (const [i, response] of NPS_RESPONSES.entries()) {
    const shown = at(response.daysAgo);
    await recordSurveyEvent(db, { shopId, survey: nps, kind: 'impression', request: { eventId: randomUUID(), surveyId: nps.config.id, orderId: response.order }, claims: null, now: shown });
    await recordSurveyResponse(db, {
      shopId,
      defaultLocale: 'tr',
      survey: nps,
      request: { responseId: randomUUID(), surveyId: nps.config.id, orderId: response.order, answers: response.answers, completed: response.completed ?? true, locale: i === 5 ? 'en' : 'tr' },
      claims: null,
      now: at(response.daysAgo, 1),
    });
  }
  // Two more shoppers saw it and closed it without answering.
  for (const daysAgo of [11, 5]) {
    await recordSurveyEvent(db, { shopId, survey: nps, kind: 'impression', request: { eventId: randomUUID(), surveyId: nps.config.id }, claims: null, now: at(daysAgo) });
    await recordSurveyEvent(db, { shopId, survey: nps, kind: 'dismissal', request: { eventId: randomUUID(), surveyId: nps.config.id }, claims: null, now: at(daysAgo, 1) });
  }
  for (const response of CSAT_RESPONSES) {
    await recordSurveyEvent(db, { shopId, survey: csat, kind: 'impression', request: { eventId: randomUUID(), surveyId: csat.config.id }, claims: null, now: at(response.daysAgo) });
    await recordSurveyResponse(db, {
      shopId,
      defaultLocale: 'tr',
      survey: csat,
      request: { responseId: randomUUID(), surveyId: csat.config.id, answers: response.answers, completed: true, locale: 'tr' },
      claims: null,
      now: at(response.daysAgo, 1),
    });
  }
}
