import { describe, expect, it } from 'vitest';
import { changedFields } from '../../demo/admin/auditDiff';
import { applied, createDraft, edit, errorAt, textOf } from '../../demo/admin/draft';
import { catalogs } from '../../demo/admin/i18n';
import { issueText } from '../../demo/admin/issueText';

// The dashboard's editing rules, without a browser: what a field's text becomes when sent, and how
// the change log reads a change.

const stored = { name: { tr: 'Kargo', en: 'Shipping' }, cost: 300, rewards: [{ id: 'a', cost: 10, validDays: 30 }], active: true };

describe('drafts', () => {
  it('sends the stored value with only the edited fields changed, converted by kind', () => {
    const draft = createDraft('t');
    edit(draft, 'cost', ' 350 ', 'number');
    edit(draft, 'rewards.0.cost', '12,5', 'number');
    edit(draft, 'rewards.0.validDays', '', 'optionalNumber');
    edit(draft, 'name.en', '  ', 'optionalText');
    edit(draft, 'active', 'false', 'boolean');
    expect(applied(stored, draft)).toEqual({ name: { tr: 'Kargo' }, cost: 350, rewards: [{ id: 'a', cost: 12.5 }], active: false });
    // The stored value is left alone.
    expect(stored.rewards[0]).toEqual({ id: 'a', cost: 10, validDays: 30 });
  });

  it('keeps what is not a number as typed, so the check names the field instead of guessing', () => {
    const draft = createDraft('t');
    edit(draft, 'cost', 'üç yüz', 'number');
    edit(draft, 'rewards.0.cost', '', 'number');
    expect(applied(stored, draft)).toMatchObject({ cost: 'üç yüz', rewards: [{ cost: '' }] });
  });

  it('shows the pending text, else the stored value; finds errors at a field or inside it', () => {
    const draft = createDraft('t');
    expect(textOf(stored, draft, 'rewards.0.cost')).toBe('10');
    expect(textOf(stored, draft, 'rewards.0.minOrder')).toBe('');
    edit(draft, 'rewards.0.cost', '-1', 'number');
    expect(textOf(stored, draft, 'rewards.0.cost')).toBe('-1');
    const issues = [{ path: 'name.tr', message: 'too long' }, { path: 'rewards.0.cost', message: 'too small' }];
    expect(errorAt(issues, 'name')).toBe('too long');
    expect(errorAt(issues, 'rewards.0.cost')).toBe('too small');
    expect(errorAt(issues, 'rewards.0')).toBe('too small');
    expect(errorAt(issues, 'rewards.1.cost')).toBeUndefined();
  });
});

describe('change log', () => {
  it('lists the fields a change changed, added and removed', () => {
    expect(changedFields({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1] }, e: true })).toEqual([
      { path: 'b.c', before: '"x"', after: '"y"' },
      { path: 'b.d.1', before: '2', after: null },
      { path: 'e', before: null, after: 'true' },
    ]);
    expect(changedFields(['https://a.example'], ['https://a.example'])).toEqual([]);
  });
});

describe('contract messages in the merchant’s language', () => {
  it('translates the contract’s own checks and passes anything else through', () => {
    const tr = (key: keyof typeof catalogs.tr) => catalogs.tr[key];
    expect(issueText(tr, 'must be after startsAt')).toBe('Başlangıçtan sonra olmalı.');
    expect(issueText(tr, 'duplicate origin https://a.example')).toBe('Bu kaynak listede zaten var.');
    expect(issueText(tr, 'Çok küçük: beklenen number >0')).toBe('Çok küçük: beklenen number >0');
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.tr).sort());
  });
});
