import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BootResponse } from '../../src/contract';
import { responseBody, surveyClient, testSurvey } from '../support/surveys';
import { createTestBackend, type TestBackend } from '../support/testBackend';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-23T12:00:00Z');
let clock = START;
let backend: TestBackend;
let api: ReturnType<typeof surveyClient>;

// Besides the demo shop's own two surveys (a post-purchase NPS that bypasses the budget, and an
// exit-intent CSAT that does not), these exercise one rule each. The shop's budget is 3 days.
const everyone = testSurvey({ id: 'everyone', trigger: { kind: 'page-views', count: 3 }, frequency: { mode: 'once-per-customer', recontactDays: 10 } });
const members = testSurvey({ id: 'members', audience: 'signed-in', trigger: { kind: 'delay', seconds: 20 }, frequency: { mode: 'once-per-customer', recontactDays: 0 }, reward: { points: 30 } });
const paused = testSurvey({ id: 'paused', active: false });
const perOrder = testSurvey({ id: 'per-order', trigger: { kind: 'post-purchase' }, frequency: { mode: 'once-per-order', recontactDays: 0 }, bypassInterruptionBudget: true });

beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
  api = surveyClient(backend);
  for (const survey of [everyone, members, paused, perOrder]) await api.save(survey);
});
afterAll(() => backend.close());
beforeEach(() => {
  clock = START;
});

const ids = (boot: BootResponse) => (boot.surveys ?? []).map((s) => s?.id);

async function newShopper() {
  const externalId = `c-${randomUUID()}`;
  return { externalId, token: async () => backend.tokenFor(externalId) };
}

describe('surveys at boot', () => {
  it("gives guests only the 'everyone' surveys, texts in their locale, with the rules to apply locally", async () => {
    const boot = await api.boot({ locale: 'en' });
    expect(ids(boot)).toEqual(expect.arrayContaining(['post-purchase-nps', 'site-csat', 'everyone', 'per-order']));
    expect(ids(boot)).not.toContain('members');
    expect(ids(boot)).not.toContain('paused');
    const survey = boot.surveys?.find((s) => s?.id === 'everyone');
    expect(survey).toMatchObject({
      title: 'Test survey',
      trigger: { kind: 'page-views', count: 3 },
      frequency: { mode: 'once-per-customer', recontactDays: 10 },
      bypassInterruptionBudget: false,
      rewardPoints: null,
      questions: [{ id: 'nps', type: 'nps', prompt: 'Would you recommend us?' }, { id: 'why' }, { id: 'improve' }],
      thankYou: { title: 'Thanks' },
    });
    expect(boot.interruptionBudget).toEqual({ days: 3, lastPromptAt: null });
    const nps = boot.surveys?.find((s) => s?.id === 'post-purchase-nps');
    expect(nps?.thankYou.cta).toMatchObject({ kind: 'view', view: 'referral', label: 'Invite a friend', when: { questionId: 'nps', op: 'gte', value: 9 } });
  });

  it('gives signed-in shoppers the signed-in surveys too, with their reward', async () => {
    const shopper = await newShopper();
    const boot = await api.boot({ token: await shopper.token(), locale: 'tr' });
    expect(boot.surveys?.find((s) => s?.id === 'members')).toMatchObject({ title: 'Test anketi', rewardPoints: 30, audience: 'signed-in' });
  });

  it('never offers a completed once-per-customer survey again to that shopper, and still to others', async () => {
    const shopper = await newShopper();
    await api.respond(responseBody('members', { answers: [{ questionId: 'nps', value: 9 }], completed: true }), { token: await shopper.token() });
    clock = new Date(START.getTime() + 400 * DAY);
    expect(ids(await api.boot({ token: await shopper.token() }))).not.toContain('members');
    expect(ids(await api.boot({ token: await (await newShopper()).token() }))).toContain('members');
  });

  it('holds a dismissed survey back for its recontact period, then offers it again', async () => {
    const shopper = await newShopper();
    await api.event('dismissals', { eventId: randomUUID(), surveyId: 'everyone' }, { token: await shopper.token() });
    clock = new Date(START.getTime() + 9 * DAY);
    expect(ids(await api.boot({ token: await shopper.token() }))).not.toContain('everyone');
    clock = new Date(START.getTime() + 10 * DAY + 1000);
    expect(ids(await api.boot({ token: await shopper.token() }))).toContain('everyone');
  });

  it('spends the interruption budget on any survey shown: others wait, bypassing ones do not', async () => {
    const shopper = await newShopper();
    const shownAt = START.toISOString();
    await api.event('impressions', { eventId: randomUUID(), surveyId: 'members' }, { token: await shopper.token() });
    clock = new Date(START.getTime() + 2 * DAY);
    const during = await api.boot({ token: await shopper.token() });
    for (const held of ['everyone', 'site-csat', 'members']) expect(ids(during)).not.toContain(held);
    expect(ids(during)).toEqual(expect.arrayContaining(['post-purchase-nps', 'per-order']));
    expect(during.interruptionBudget).toEqual({ days: 3, lastPromptAt: shownAt });
    clock = new Date(START.getTime() + 3 * DAY + 1000);
    expect(ids(await api.boot({ token: await shopper.token() }))).toEqual(expect.arrayContaining(['everyone', 'site-csat', 'members']));
  });

  it('lists the orders a once-per-order survey already asked about', async () => {
    const shopper = await newShopper();
    const token = await shopper.token();
    await api.respond(responseBody('per-order', { orderId: 'K-1', answers: [{ questionId: 'nps', value: 10 }], completed: true }), { token });
    await api.event('dismissals', { eventId: randomUUID(), surveyId: 'per-order', orderId: 'K-2' }, { token });
    await api.respond(responseBody('per-order', { orderId: 'K-3', answers: [{ questionId: 'nps', value: 4 }] }), { token });
    const survey = (await api.boot({ token })).surveys?.find((s) => s?.id === 'per-order');
    expect([...(survey?.closedOrderIds ?? [])].sort()).toEqual(['K-1', 'K-2']);
  });

  it('still parses for a client that predates surveys, and hides a survey a client cannot read', async () => {
    const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`);
    const payload = (await response.json()) as Record<string, unknown> & { surveys: Array<Record<string, unknown>> };
    const { surveys: _surveys, interruptionBudget: _budget, ...older } = payload;
    expect(BootResponse.safeParse(older).success).toBe(true);
    const future = { ...payload, surveys: [{ ...payload.surveys[0], questions: [{ id: 'q', type: 'matrix', prompt: 'x', required: true }] }, payload.surveys[1]] };
    const parsed = BootResponse.parse(future);
    expect(parsed.surveys?.[0]).toBeNull();
    expect(parsed.surveys?.[1]?.id).toBe(payload.surveys[1]?.id);
  });
});
