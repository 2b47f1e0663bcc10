import { randomInt } from 'node:crypto';
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
}

export interface CheckoutInput {
  items: unknown;
  name: string;
  email: string;
  address: string;
  city: string;
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
    const order: Order = {
      id: `KRV-${randomInt(100000, 999999)}${randomInt(100, 999)}`,
      customerId,
      customerName: name,
      email,
      lines,
      subtotal,
      shipping,
      total: subtotal + shipping,
      placedAt: new Date(),
    };
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
