import { z } from 'zod/mini';
import type { BootResponse } from '../../contract/boot';
import { LocaleTag, Points } from '../../contract/primitives';

/**
 * The part of the boot payload the launcher shows before the panel code has loaded, built from the
 * contract's own primitives. The full `BootResponse` schema costs about 4 KB brotli on top of the
 * zod core, which the page-view budget (10 KB) cannot afford; the panel chunk, loaded on intent or
 * when the browser is idle, re-validates the whole payload with `BootResponse` and the widget drops
 * to its error state (and the launcher drops the number) if that fails.
 */
export const LauncherSlice = z.object({
  /** The locale the API resolved the shop's texts for (its default when the widget sent none). */
  locale: LocaleTag,
  customer: z.nullable(z.object({ balance: Points })),
});
export type LauncherSlice = z.infer<typeof LauncherSlice>;

// Compile-time proof that the slice is a projection of the contract: every valid BootResponse is a
// valid LauncherSlice. If the contract renames or retypes `customer.balance`, this line fails `tsc`.
export const sliceOfBoot: (boot: BootResponse) => LauncherSlice = (boot) => boot;

/** What the core needs from a boot payload; `null` means the payload failed validation. */
export type BootParser = (json: unknown) => { balance: number | null; signedIn: boolean; locale: string } | null;

/** A parser from a schema of the boot payload: the launcher's slice here, the full contract in the panel. */
export function bootParser(schema: { safeParse(json: unknown): { success: true; data: LauncherSlice } | { success: false } }): BootParser {
  return (json) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) return null;
    const customer = parsed.data.customer;
    return { balance: customer ? customer.balance : null, signedIn: customer !== null, locale: parsed.data.locale };
  };
}

export const parseLauncherSlice = bootParser(LauncherSlice);
