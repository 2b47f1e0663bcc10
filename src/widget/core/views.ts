/** Panel views, also reachable as deep links `#sadakat-<view>` and through `open(view)`. */
export const VIEWS = ['home', 'earn', 'rewards', 'referral', 'activity', 'survey'] as const;
export type View = (typeof VIEWS)[number];

/** Unknown or missing views fall back to `home`. */
export const toView = (value: unknown): View =>
  (VIEWS as readonly unknown[]).includes(value) ? (value as View) : 'home';

/** `#sadakat-referral` → `referral`; anything else → `null`. */
export function viewFromHash(hash: string): View | null {
  const match = /^#sadakat-([a-z]+)$/.exec(hash);
  return match ? toView(match[1]) : null;
}
