import { encode } from 'uqr';

/**
 * The QR code of `text` as one SVG path (a unit square per dark module) and its size in modules,
 * quiet zone included. Drawn as JSX by the view: no SVG or HTML string is ever parsed.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}
