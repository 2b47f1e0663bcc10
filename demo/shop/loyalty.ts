import { createHash } from 'node:crypto';
import { ConsumeCouponResponse, ErrorEnvelope, ReportOrderResponse, ValidateCouponResponse } from '../../src/contract/index';
import type { Order } from './orders';

/**
 * The demo shop's server-to-server side of Sadakat: it reports placed orders and checks and uses
 * coupon codes at checkout with the shop's secret key, exactly as a merchant's backend would.
 * `send` is the API (in process for the demo; `fetch` to the API's URL for a real shop).
 */
export interface LoyaltyBridgeOptions {
  secretKey: string;
  currency: string;
  send(request: Request): Promise<Response> | Response;
}

/** A usable code and what it takes off, in kuruş: from the goods, or the shipping fee (free shipping). */
export type AppliedCoupon = { code: string; label: string; goods: number; shipping: number };
export type CouponCheck = ({ ok: true } & AppliedCoupon) | { ok: false; message: string };

/** What each refusal means to a shopper, in the shop's language. */
const COUPON_MESSAGES: Record<string, string> = {
  coupon_not_found: 'Bu kupon kodunu bulamadık. Kodu kontrol edip yeniden deneyin.',
  coupon_used: 'Bu kupon kodu daha önce kullanılmış.',
  coupon_void: 'Bu kupon kodu iptal edilmiş.',
  coupon_expired: 'Bu kupon kodunun süresi dolmuş.',
  coupon_min_order: 'Bu kupon için sepet tutarı yetersiz.',
  coupon_wrong_customer: 'Bu kupon kodu başka bir müşteriye ait.',
  coupon_first_order_only: 'Bu arkadaş indirimi yalnızca ilk siparişte geçerli.',
  validation_failed: 'Kupon kodu geçersiz görünüyor.',
};
const UNAVAILABLE = 'Kupon şu an doğrulanamadı. Biraz sonra yeniden deneyin.';

const lira = (kurus: number) => Math.round(kurus) / 100;

export function createLoyaltyBridge({ secretKey, currency, send }: LoyaltyBridgeOptions) {
  async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    const response = await send(
      new Request(`http://sadakat.internal${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, json: await response.json().catch(() => null) };
  }
  const errorCode = (json: unknown) => {
    const parsed = ErrorEnvelope.safeParse(json);
    return parsed.success ? parsed.data.error.code : 'internal';
  };

  return {
    /**
     * May `code` be used on an order of `amountKurus` (goods) plus `shippingKurus`? The discount in
     * kuruş: amount or percentage off the goods, or the shipping fee for a free-shipping code.
     */
    async check(code: string, amountKurus: number, shippingKurus: number, customerId: string | null, guestEmail?: string): Promise<CouponCheck> {
      // A guest is known by their hashed e-mail, so a friend's first-order discount sees their earlier orders.
      customerId ??= guestEmail ? guestCustomerId(guestEmail) : null;
      const trimmed = code.trim();
      if (!trimmed || trimmed.length > 40) return { ok: false, message: COUPON_MESSAGES.coupon_not_found! };
      try {
        const { status, json } = await post(`/v1/merchant/coupons/${encodeURIComponent(trimmed)}/validate`, {
          orderAmount: lira(amountKurus),
          ...(customerId ? { customerId } : {}),
        });
        if (status !== 200) return { ok: false, message: COUPON_MESSAGES[errorCode(json)] ?? UNAVAILABLE };
        const parsed = ValidateCouponResponse.safeParse(json);
        if (!parsed.success) return { ok: false, message: UNAVAILABLE };
        const { coupon, discountAmount } = parsed.data;
        const free = coupon.kind === 'free_shipping';
        return { ok: true, code: coupon.code, label: coupon.rewardName, goods: free ? 0 : Math.round((discountAmount ?? 0) * 100), shipping: free ? shippingKurus : 0 };
      } catch {
        return { ok: false, message: UNAVAILABLE };
      }
    },

    /** Marks the code used on the placed order (a retry for the same order is a success). */
    async consume(order: Order): Promise<boolean> {
      if (!order.coupon) return true;
      const { status, json } = await post(`/v1/merchant/coupons/${encodeURIComponent(order.coupon.code)}/consume`, {
        orderId: order.id,
        orderAmount: lira(order.subtotal),
        customerId: order.customerId ?? guestCustomerId(order.email),
      });
      return status === 200 && ConsumeCouponResponse.safeParse(json).success;
    },

    /** Reports a signed-in shopper's order; returns the points it earned and the new balance. */
    async reportOrder(order: Order): Promise<{ pointsEarned: number; balance: number } | null> {
      // A guest who came through a friend's link gets an account made from their e-mail (as many
      // shops do at checkout), so the referral can be attributed; other guests are not reported.
      const customerId = order.customerId ?? (order.referralCode ? guestCustomerId(order.email) : null);
      if (!customerId) return null;
      const { status, json } = await post('/v1/merchant/orders', {
        orderId: order.id,
        customer: { id: customerId, email: order.email, name: order.customerName },
        ...(order.referralCode ? { referralCode: order.referralCode } : {}),
        // Points are earned on what the shopper paid for the goods: shipping does not count.
        amount: lira(Math.max(0, order.subtotal - (order.coupon?.goods ?? 0))),
        currency,
        createdAt: order.placedAt.toISOString(),
      });
      const parsed = status === 200 || status === 201 ? ReportOrderResponse.safeParse(json) : null;
      if (!parsed?.success) {
        console.error('[demo] the order report failed:', status, errorCode(json));
        return null;
      }
      return { pointsEarned: parsed.data.order.pointsEarned, balance: parsed.data.balance };
    },
  };
}
/** A stable customer id for a guest, from the normalised e-mail (never the address itself). */
function guestCustomerId(email: string): string {
  return `misafir-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

export type LoyaltyBridge = ReturnType<typeof createLoyaltyBridge>;
