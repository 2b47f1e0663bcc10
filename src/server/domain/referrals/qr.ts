import { encode } from 'uqr';
import type { ReferralQr } from '../../../contract';

/**
 * `text` as a QR code (error correction M, the level the widget drew before the server did) in the
 * contract's `ReferralQr` form: one `M{x} {y}h{n}v1h-{n}z` per horizontal run of dark modules, no
 * quiet zone. Runs instead of one square per module keep the path about three times shorter.
 */
export function referralQr(text: string): ReferralQr {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      const run = x - start;
      path += `M${start} ${y}h${run}v1h-${run}z`;
    }
  });
  return { size, path };
}
