import type { AppContext } from '../core/appContext';
import { tokenSubject } from '../core/tokenSubject';
import { createStorefrontApi } from './api/storefront';
import { ActivityModel } from './models/activityModel';
import { EarnModel } from './models/earnModel';
import type { LoyaltyModel } from './models/loyaltyModel';
import { RewardsModel } from './models/rewardsModel';
import { ToastModel } from './models/toastModel';

/** Who a token names (`iss` and `sub`, unverified), or the token itself when it is not a readable JWT. */
function whoIs(token: string | null): string | null {
  const subject = tokenSubject(token);
  return subject ? `${String(subject.iss)} ${subject.sub}` : token;
}

/** The per-feature models next to the loyalty one, created together and disposed together. */
export function createFeatures(context: AppContext, loyalty: LoyaltyModel) {
  const api = createStorefrontApi(() => context.connection());
  const rewards = new RewardsModel(context, loyalty, api);
  const earn = new EarnModel(context, loyalty, api);
  const activity = new ActivityModel(api);
  const toast = new ToastModel(context, loyalty);

  // These models hold a shopper's own answers (codes, history, claims). On a shared device a change
  // of customer (identify(), logout(), a refused token) must leave none of them to the next person.
  // A fresh token for the same customer (getCustomerToken() mid-session) is not a change.
  let who = whoIs(context.connection().token);
  const stopWatching = context.store.subscribe(() => {
    const now = whoIs(context.connection().token);
    if (now === who) return;
    who = now;
    for (const model of [rewards, earn, activity]) model.forget();
  });
  return {
    rewards,
    earn,
    activity,
    toast,
    dispose() {
      stopWatching();
      for (const model of [rewards, earn, activity, toast]) model[Symbol.dispose]();
    },
  };
}
export type Features = ReturnType<typeof createFeatures>;
