import referralCss from '../../styles/referral.css?inline';
import type { AppContext } from '../../core/appContext';
import type { StorefrontApi } from '../api/storefront';
import type { LoyaltyModel } from '../models/loyaltyModel';
import { FriendGreeting } from './components/FriendGreeting';
import { ReferralView } from './components/ReferralView';
import { ReferralModel } from './referralModel';

/**
 * The referral chunk (`import()`ed by the panel module when the Refer-a-friend view opens or a
 * friend's code is on the page or remembered): its model, the view, the greeting by the launcher.
 */
export function createReferralFeature(input: { context: AppContext; loyalty: LoyaltyModel; api: StorefrontApi; window: Window; candidate: string | null; badge: (on: boolean) => void }) {
  const removeStyles = input.context.addStyles(referralCss);
  const model = new ReferralModel(input.context, input.loyalty, input.api, input.window, input.candidate, input.badge);
  void model.capture();
  return {
    model,
    View: ReferralView,
    Greeting: FriendGreeting,
    /** The greeting's button: the panel on the Refer-a-friend view, where the claim is. */
    openView: () => input.context.open('referral'),
    dispose() {
      model[Symbol.dispose]();
      removeStyles();
    },
  };
}
export type ReferralFeature = ReturnType<typeof createReferralFeature>;
