import { encode } from 'uqr';
import { QR_PATH_PATTERN, type ReferralQr } from '../contract';

const RUN = /M(\d+) (\d+)h(\d+)v1h-\d+z/g;

/** The dark modules a `ReferralQr` path draws, row by row; a reason instead when a run falls outside the code or overlaps another. */
export function qrModules(qr: ReferralQr): boolean[][] | string {
  if (!QR_PATH_PATTERN.test(qr.path)) return 'the path does not follow the M{x} {y}h{n}v1h-{n}z grammar';
  const rows = Array.from({ length: qr.size }, () => Array.from({ length: qr.size }, () => false));
  for (const [, x, y, n] of qr.path.matchAll(RUN)) {
    const [left, top, length] = [Number(x), Number(y), Number(n)];
    const row = rows[top];
    if (!row || left + length > qr.size) return `the run M${left} ${top}h${length} falls outside a ${qr.size}×${qr.size} code`;
    for (let column = left; column < left + length; column++) {
      if (row[column]) return `the run M${left} ${top}h${length} overlaps another`;
      row[column] = true;
    }
  }
  return rows;
}

const LEVELS = ['L', 'M', 'Q', 'H'] as const;

/**
 * Whether `qr` is a QR code of `text`: its modules equal, module for module, the standard encoding
 * of `text` (one segment in the smallest mode that holds it: byte mode, UTF-8, for any link) at the
 * code's version with one of the four error correction levels and one of the eight masks, the
 * choices a QR library may make on its own.
 * `null` when it is; otherwise why not.
 */
export function qrMismatch(qr: ReferralQr, text: string): string | null {
  const modules = qrModules(qr);
  if (typeof modules === 'string') return modules;
  const version = (qr.size - 17) / 4;
  for (const ecc of LEVELS) {
    for (let maskPattern = 0; maskPattern < 8; maskPattern++) {
      let data: boolean[][];
      try {
        ({ data } = encode(text, { ecc, maskPattern, minVersion: version, maxVersion: version, border: 0 }));
      } catch {
        break; // `text` does not fit this version at this level
      }
      if (data.every((row, y) => row.every((dark, x) => modules[y]![x] === dark))) return null;
    }
  }
  return `the modules are not a QR code of ${text} (version ${version}, any error correction level and mask)`;
}
