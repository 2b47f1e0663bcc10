import type { AppContext } from '../core/appContext';
import { createStorefrontApi } from './api/storefront';
import { ActivityModel } from './models/activityModel';
import { EarnModel } from './models/earnModel';
import type { LoyaltyModel } from './models/loyaltyModel';
import { RewardsModel } from './models/rewardsModel';
import { ToastModel } from './models/toastModel';

/** The per-feature models next to the loyalty one, created together and disposed together. */
export function createFeatures(context: AppContext, loyalty: LoyaltyModel) {
  const api = createStorefrontApi(() => context.connection());
  const rewards = new RewardsModel(context, loyalty, api);
  const earn = new EarnModel(context, loyalty, api);
  const activity = new ActivityModel(api);
  const toast = new ToastModel(context, loyalty);
  return {
    rewards,
    earn,
    activity,
    toast,
    dispose() {
      for (const model of [rewards, earn, activity, toast]) model[Symbol.dispose]();
    },
  };
}
export type Features = ReturnType<typeof createFeatures>;
