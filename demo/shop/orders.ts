import { randomInt } from 'node:crypto';
import type { AppliedCoupon, CouponCheck } from './loyalty';
import { FREE_SHIPPING_FROM, findProduct, MAX_QUANTITY, SHIPPING_FEE } from './catalog';

export interface OrderLine {
  slug: string;
  name: string;
  quantity: number;
  /** kuruş */
  unitPrice: number;
  total: number;
}

export interface Order {
  id: string;
  /** The signed-in demo shopper's customer id, or null for a guest checkout. */
  customerId: string | null;
  customerName: string;
  email: string;
  lines: OrderLine[];
  subtotal: number;
  shipping: number;
  total: number;
  placedAt: Date;
  /** A Sadakat code used at checkout; `total` is already net of it. */
  coupon?: AppliedCoupon;
  /** What the order earned in the loyalty programme, once reported. */
  loyalty?: { pointsEarned: number; balance: number };
  /** The friend's referral code the widget remembered on this browser (`Sadakat.referral.code()`), sent with the order report. */
  referralCode?: string;
}

export interface CheckoutInput {
  items: unknown;
  name: string;
  email: string;
  address: string;
  city: string;
  /** A coupon code typed at checkout, or ''. */
  coupon?: string;
  /** `Sadakat.referral.code()` at checkout, or ''. */
  referralCode?: string;
}

/** Checks a coupon code against the goods total and the shipping fee (kuruş). */
export interface CouponDesk {
  check(code: string, goods: number, shipping: number, customerId: string | null, guestEmail?: string): Promise<CouponCheck>;
  /** Uses the code on the order, once; `false` when it can no longer be used (taken meanwhile). */
  consume(order: Order): Promise<boolean>;
}

export type CheckoutResult = { ok: true; order: Order } | { ok: false; message: string };

/** Called after an order is stored. The loyalty issue hooks the server-to-server order report here. */
export type OrderListener = (order: Order) => Promise<void> | void;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The demo shop's order book, kept in memory: the demo is about the widget, not fulfilment. Prices
 * and totals are computed here from the catalogue; the browser only says what and how many.
 */
export class OrderBook {
  readonly #orders = new Map<string, Order>();
  readonly #listeners: OrderListener[] = [];
  #coupons: CouponDesk | null = null;

  /** Where coupon codes typed at checkout are checked and used (the loyalty programme); without one, codes are refused. */
  acceptCoupons(desk: CouponDesk): void {
    this.#coupons = desk;
  }

  /** Prices the cart as `place` would and checks `code` against it, without placing anything. */
  async previewCoupon(items: unknown, code: string, customerId: string | null): Promise<CouponCheck> {
    const lines = parseLines(items);
    if (!lines) return { ok: false, message: 'Sepetiniz boş ya da geçersiz görünüyor.' };
    if (!this.#coupons) return { ok: false, message: 'Bu mağaza kupon kabul etmiyor.' };
    const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
    return this.#coupons.check(code, subtotal, subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE, customerId);
  }

  onPlaced(listener: OrderListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  }

  get(id: string): Order | undefined {
    return this.#orders.get(id);
  }

  async place(input: CheckoutInput, customerId: string | null): Promise<CheckoutResult> {
    const lines = parseLines(input.items);
    if (!lines) return { ok: false, message: 'Sepetiniz boş ya da geçersiz görünüyor.' };
    const name = input.name.trim();
    const email = input.email.trim();
    if (name.length < 2 || name.length > 100) return { ok: false, message: 'Lütfen adınızı ve soyadınızı yazın.' };
    if (!EMAIL.test(email) || email.length > 200) return { ok: false, message: 'Lütfen geçerli bir e-posta adresi yazın.' };
    if (input.address.trim().length < 5 || input.address.length > 500) return { ok: false, message: 'Lütfen teslimat adresinizi yazın.' };
    if (input.city.trim().length < 2 || input.city.length > 60) return { ok: false, message: 'Lütfen ili yazın.' };

    const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
    const shipping = subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
    let coupon: AppliedCoupon | undefined;
    const code = input.coupon?.trim() ?? '';
    if (code) {
      if (!this.#coupons) return { ok: false, message: 'Bu mağaza kupon kabul etmiyor.' };
      const check = await this.#coupons.check(code, subtotal, shipping, customerId, email);
      if (!check.ok) return { ok: false, message: check.message };
      coupon = { code: check.code, label: check.label, goods: check.goods, shipping: check.shipping };
    }
    const order: Order = {
      id: `KRV-${randomInt(100000, 999999)}${randomInt(100, 999)}`,
      customerId,
      customerName: name,
      email,
      lines,
      subtotal,
      shipping,
      total: Math.max(0, subtotal + shipping - (coupon ? coupon.goods + coupon.shipping : 0)),
      placedAt: new Date(),
      ...(coupon ? { coupon } : {}),
      // Only what looks like a referral code; Sadakat checks that it exists and who it belongs to.
      ...(/^[A-Za-z0-9]{8}$/.test(input.referralCode ?? '') ? { referralCode: input.referralCode } : {}),
    };
    // The code is used before the order is kept: of two checkouts racing with one code, one wins.
    if (coupon && !(await this.#coupons?.consume(order).catch(() => false))) {
      return { ok: false, message: 'Bu kupon kodu daha önce kullanılmış.' };
    }
    this.#orders.set(order.id, order);
    for (const listener of this.#listeners) await listener(order);
    return { ok: true, order };
  }
}

function parseLines(items: unknown): OrderLine[] | null {
  if (typeof items !== 'string' || items.length > 5000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(items);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 50) return null;
  const bySlug = new Map<string, OrderLine>();
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { slug, qty } = item as { slug?: unknown; qty?: unknown };
    if (typeof slug !== 'string' || !Number.isInteger(qty)) return null;
    const product = findProduct(slug);
    const quantity = qty as number;
    if (!product || quantity < 1 || quantity > MAX_QUANTITY) return null;
    const line = bySlug.get(slug);
    const total = Math.min(MAX_QUANTITY, (line?.quantity ?? 0) + quantity);
    bySlug.set(slug, { slug, name: product.name, quantity: total, unitPrice: product.price, total: total * product.price });
  }
  return [...bySlug.values()];
}
