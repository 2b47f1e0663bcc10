/** Mouths from "very unhappy" (1) to "very happy" (5); the face and eyes are shared. */
const MOUTHS = ['M8 16.8c2.4-2.6 5.6-2.6 8 0', 'M8.6 16.2c2-1.3 4.8-1.3 6.8 0', 'M9 15.5h6', 'M8.6 14.6c2 1.4 4.8 1.4 6.8 0', 'M8 14c2.4 3 5.6 3 8 0'] as const;

/** A face for the CSAT scale (decorative: the radio carries the name). */
export function FaceIcon({ value }: { value: number }) {
  return (
    <svg class="icon face" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="12" cy="12" r="9.2" />
      <path d="M9 9.8v.4M15 9.8v.4" stroke-width="2.2" />
      <path d={MOUTHS[Math.min(4, Math.max(0, value - 1))]} />
    </svg>
  );
}
