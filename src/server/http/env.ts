import type { Database } from '../db/database';
import type { ShopRow } from '../db/schema';
import type { GuestBootCache } from '../domain/guestBootCache';

/** Per-request values shared by middleware and handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    db: Database;
    now: () => Date;
    /** Set for storefront routes once `?shop=` resolved to a shop. */
    shop: ShopRow;
    /** The app's in-memory guest boot payloads, `null` when `guestBootCacheMs` is off. */
    guestBoots: GuestBootCache | null;
    /** Set by the rate limiter on storefront routes: counts a request against the verified customer. */
    limitCustomer?: (externalId: string) => void;
  };
}
