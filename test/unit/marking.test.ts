import { describe, expect, it } from 'vitest';
import { markSkipReason, skippedText } from '../../shared/registers/marking';

const kalle = { id: 'kalle', role: 'caseWorker' as const };
const maja = { id: 'maja', role: 'unitManager' as const };
const open = { voidedAt: null, enteredOn: null, createdById: 'kalle' };

describe('who may mark which record as entered', () => {
  it('lets a handläggare mark only their own records, not yet entered nor voided', () => {
    expect(markSkipReason(open, kalle)).toBeNull();
    expect(markSkipReason({ ...open, createdById: 'maja' }, kalle)).toBe('colleague');
    expect(markSkipReason({ ...open, enteredOn: '2026-11-23' }, kalle)).toBe('entered');
    expect(markSkipReason({ ...open, voidedAt: '2026-11-23T09:00:00Z' }, kalle)).toBe('voided');
    expect(markSkipReason(null, kalle)).toBe('missing');
  });

  it("lets the enhetschef mark a colleague's record, but never a voided or entered one", () => {
    expect(markSkipReason({ ...open, createdById: 'kalle' }, maja)).toBeNull();
    expect(markSkipReason({ ...open, voidedAt: '2026-11-23T09:00:00Z' }, maja)).toBe('voided');
    expect(markSkipReason({ ...open, enteredOn: '2026-11-23' }, maja)).toBe('entered');
  });

  it("says first that a record is voided, even when it is also a colleague's", () => {
    const both = { voidedAt: '2026-11-23T09:00:00Z', enteredOn: '2026-11-23', createdById: 'x' };
    expect(markSkipReason(both, kalle)).toBe('voided');
  });

  it('names the skipped record with the reason in Swedish', () => {
    expect(skippedText({ clientName: 'Anna Svensson', reason: 'colleague' })).toBe(
      'Anna Svensson: registrerad av en kollega',
    );
    expect(skippedText({ clientName: null, reason: 'missing' })).toBe('Okänd post: finns inte');
  });
});
