import { describe, expect, it } from 'vitest';
import { tierStatus } from '../../src/server/domain/tiers';
import { demoProgramme } from '../../src/server/seed/demoProgramme';

const programme = demoProgramme(new Date('2026-11-23T00:00:00Z'));
const name = (text: Record<string, string>) => text.en ?? '';

describe('tier status', () => {
  it.each([
    [0, 'bronz', 'gumus', 1500, 0],
    [750, 'bronz', 'gumus', 750, 0.5],
    [1500, 'gumus', 'altin', 2500, 0],
    [3450, 'gumus', 'altin', 550, 0.78],
    [4000, 'altin', null, null, 1],
    [99_999, 'altin', null, null, 1],
  ])('places %d points in %s (next %s, %s to go, progress %d)', (value, current, next, remaining, progress) => {
    const status = tierStatus(programme, value, name);
    expect(status.current?.id).toBe(current);
    expect(status.next?.id ?? null).toBe(next);
    expect(status.next?.remaining ?? null).toBe(remaining);
    expect(status.progress).toBeCloseTo(progress, 2);
  });

  it('has no current tier below the lowest threshold', () => {
    const status = tierStatus({ ...programme, tiers: programme.tiers.slice(1) }, 100, name);
    expect(status.current).toBeNull();
    expect(status.next).toEqual({ id: 'gumus', name: 'Silver', remaining: 1400 });
  });

  it('rounds what is left of an amount up to the cent', () => {
    const status = tierStatus({ ...programme, tierBasis: 'amount_spent' }, 1499.991, name);
    expect(status.next?.remaining).toBe(0.01);
  });
});
