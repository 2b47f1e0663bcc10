import { computed, createModel, signal } from '@preact/signals';
import type { ClaimRequest } from '../../../contract';
import type { AppContext } from '../../core/appContext';
import type { WidgetErrorCode } from '../../core/result';
import type { StorefrontApi } from '../api/storefront';
import type { LoyaltyModel } from './loyaltyModel';

/** The Earn view's claims: a birthday (once) and actions such as follow or subscribe (once each). */
export const EarnModel = createModel((context: AppContext, loyalty: LoyaltyModel, api: StorefrontApi) => {
  /** What the claims answered since the last boot (the boot payload knows the rest). */
  const claimed = signal<string[] | null>(null);
  const birthday = signal<string | null | undefined>(undefined);
  const pending = signal<string | null>(null);
  const error = signal<{ id: string; code: WidgetErrorCode } | null>(null);
  /** Bumped by `forget()`: a claim answered after a change of shopper is not shown to the next one. */
  let generation = 0;

  async function claim(id: string, request: ClaimRequest): Promise<boolean> {
    if (pending.value) return false;
    pending.value = id;
    error.value = null;
    const asked = generation;
    try {
      const result = await api.claim(request);
      if (asked !== generation) return false;
      if (!result.ok) {
        error.value = { id, code: result.error.code };
        return false;
      }
      claimed.value = result.data.claimedActions;
      birthday.value = result.data.birthday;
      context.setBalance(result.data.balance);
      return true;
    } finally {
      if (asked === generation) pending.value = null;
    }
  }

  return {
    claimedActions: computed(() => new Set(claimed.value ?? loyalty.customer.value?.claimedActions ?? [])),
    birthday: computed(() => (birthday.value === undefined ? (loyalty.customer.value?.birthday ?? null) : birthday.value)),
    pending,
    error,
    /** Another shopper now (identify, logout): the previous one's claims and birthday go. */
    forget() {
      generation++;
      claimed.value = null;
      birthday.value = undefined;
      pending.value = null;
      error.value = null;
    },
    claimAction: (actionId: string) => claim(actionId, { kind: 'action', actionId }),
    /** `date` as an `<input type="date">` gives it: `1990-03-14`. */
    saveBirthday: (date: string) => claim('birthday', { kind: 'birthday', birthday: date }),
  };
});
export type EarnModel = InstanceType<typeof EarnModel>;
