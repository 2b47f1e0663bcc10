import { computed, createModel, effect, signal } from '@preact/signals';
import { MyReferral, ReferralClaimResponse, ReferralLookup, ReferralVisitAck, referralLink } from '../../../contract';
import type { AppContext } from '../../core/appContext';
import { rememberedReferral } from '../../core/referralCapture';
import type { WidgetErrorCode } from '../../core/result';
import { referralEndpoints as routes } from './endpoints';
import type { StorefrontApi } from '../api/storefront';
import type { LoyaltyModel } from '../models/loyaltyModel';
import { referralOptions } from './landing';
import type { ShareChannel } from './shareLinks';
import { claimStorageKey, readJson, rememberReferral, visitorId, writeJson } from './storage';

type Mine = { status: 'idle' | 'loading' } | { status: 'ready'; data: MyReferral } | { status: 'error'; code: WidgetErrorCode };
export type ClaimError = 'invalid' | 'own' | 'failed';
type Claim = { status: 'idle' | 'sending' } | { status: 'done'; result: ReferralClaimResponse } | { status: 'error'; error: ClaimError };

const GREETING_DISMISSED = 'refgreeted';

/**
 * The referral programme in the panel: the advocate's link and stats (fetched when the view opens),
 * and the friend's side: the landing code checked against the server, remembered, greeted and
 * claimed. Everything it fetches is parsed with the contract.
 */
export const ReferralModel = createModel(
  (context: AppContext, loyalty: LoyaltyModel, api: StorefrontApi, win: Window, candidate: string | null, badge: (on: boolean) => void) => {
  const shop = context.connection().shop;
  const mine = signal<Mine>({ status: 'idle' });
  const offer = signal<ReferralLookup | null>(null);
  const stored = ReferralClaimResponse.safeParse(readJson(win, claimStorageKey(shop)));
  const claim = signal<Claim>(stored.success ? { status: 'done', result: stored.data } : { status: 'idle' });
  const greetingDismissed = signal(readJson(win, `${claimStorageKey(shop)}.${GREETING_DISMISSED}`) === true);

  async function loadMine() {
    mine.value = { status: 'loading' };
    // Where the link is shared from: the server encodes the same link in the QR code it returns.
    const query = { origin: win.location.origin, param: referralOptions(context.referral).param };
    const result = await api.request('GET', routes.myReferral.path, MyReferral, { query });
    mine.value = result.ok ? { status: 'ready', data: result.data } : { status: 'error', code: result.error.code };
  }
  // Once per shopper (again after identify() or logout()); `retry` reloads on demand.
  let loadedFor: string | null = null;
  let loading: Promise<void> = Promise.resolve();
  const ensureMine = (id: string) => {
    if (loadedFor !== id) {
      loadedFor = id;
      loading = loadMine();
    }
    return loading;
  };

  const lookup = (code: string) => api.request('GET', routes.referralLookup.path.replace('{code}', encodeURIComponent(code)), ReferralLookup);

  /** The landing: an existing code is remembered (first or last touch) and counted as a visit; anything else is dropped. */
  async function capture() {
    const { days, touch } = referralOptions(context.referral);
    // A signed-in shopper's own code is no gift to them: know it before greeting anyone.
    const signedIn = loyalty.customer.peek()?.id;
    if (signedIn) await ensureMine(signedIn);
    let code = rememberedReferral(win, shop);
    if (candidate) {
      const found = await lookup(candidate);
      if (found.ok) {
        code = rememberReferral(win, shop, candidate, { days, touch });
        context.emit('sadakat:referral-capture', { code });
        void api.request('POST', routes.referralVisit.path, ReferralVisitAck, { body: { code: candidate, visitorId: visitorId(win, shop) } });
        if (code === candidate) offer.value = found.data;
      }
    }
    if (code && !offer.value) {
      const found = await lookup(code);
      if (found.ok) offer.value = found.data;
    }
  }

  // Effects are owned by the model: its dispose stops them. The link and stats are fetched when the
  // view opens, once per shopper (again after identify() or logout()).
  const customerId = computed(() => loyalty.customer.value?.id ?? null);
  effect(() => {
    const id = customerId.value;
    if (id !== loadedFor && loadedFor !== null) {
      loadedFor = null;
      mine.value = { status: 'idle' };
    }
    if (id && loyalty.open.value && loyalty.view.value === 'referral') void ensureMine(id);
  });
  /** The friend's offer, unless the code is the signed-in shopper's own. */
  const friendLookup = computed(() => {
    const found = offer.value;
    const own = mine.value;
    return found && own.status === 'ready' && own.data.code === found.code ? null : found;
  });
  const waiting = computed(() => friendLookup.value !== null && friendLookup.value.friendOffer !== null && claim.value.status !== 'done');
  effect(() => badge(waiting.value));

  const link = computed(() => {
    const state = mine.value;
    if (state.status !== 'ready') return null;
    return referralLink(state.data.landingUrl ?? `${win.location.origin}/`, referralOptions(context.referral).param, state.data.code);
  });

  return {
    mine,
    offer: friendLookup,
    claim,
    link,
    /** The greeting by the launcher: a friend's offer waits, and it was not dismissed this session. */
    greetingVisible: computed(() => waiting.value && !greetingDismissed.value && !loyalty.open.value),
    capture,
    retry: () => {
      loading = loadMine();
    },
    shared(channel: ShareChannel | 'copy' | 'native' | 'qr') {
      context.emit('sadakat:referral-share', { channel });
    },
    dismissGreeting() {
      greetingDismissed.value = true;
      writeJson(win, `${claimStorageKey(shop)}.${GREETING_DISMISSED}`, true);
    },
    async claimDiscount(email: string) {
      const current = offer.value;
      if (!current || claim.value.status === 'sending') return;
      claim.value = { status: 'sending' };
      const result = await api.request('POST', routes.referralClaim.path, ReferralClaimResponse, { body: { code: current.code, email: email.trim() } });
      if (result.ok) {
        writeJson(win, claimStorageKey(shop), result.data);
        claim.value = { status: 'done', result: result.data };
        return;
      }
      const { code } = result.error;
      claim.value = { status: 'error', error: code === 'validation_failed' ? 'invalid' : code === 'conflict' ? 'own' : 'failed' };
    },
  };
  },
);
export type ReferralModel = InstanceType<typeof ReferralModel>;
