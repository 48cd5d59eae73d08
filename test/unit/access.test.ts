import { describe, expect, it } from 'vitest';
import { allows } from '../../shared/access';
import { contract } from '../../shared/contract';
import { registerKeys, registers } from '../../shared/registers';
import { mayRead } from '../../shared/registers/access';
import { roles } from '../../shared/roles';

describe('access', () => {
  it('lets a signed-in role through what names it, or names no role', () => {
    expect(allows('signedIn', 'caseWorker')).toBe(true);
    expect(allows(['unitManager'], 'unitManager')).toBe(true);
    expect(allows(['unitManager'], 'financialAidManager')).toBe(false);
  });

  it('reads a register exactly when its list channel lets the role in', () => {
    for (const key of registerKeys) {
      for (const role of roles) {
        expect(mayRead(registers[key], role), `${key} ${role}`).toBe(
          allows(contract[`${key}.list`].access, role),
        );
      }
    }
    expect(mayRead(registers.payouts, 'caseWorker')).toBe(false);
    expect(mayRead(registers.journalNotes, 'financialAidManager')).toBe(false);
    expect(mayRead(registers.decisions, 'financialAidManager')).toBe(true);
  });
});
