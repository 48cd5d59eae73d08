import { describe, expect, it } from 'vitest';
import { entryDeadline } from '../../main/app/domain/deadlines';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from '../../main/app/domain/workingDays';

describe('Swedish working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(nextWorkingDay('2026-11-20')).toBe('2026-11-23');
  });

  it('skips Easter: långfredagen and annandag påsk', () => {
    expect(isWorkingDay('2026-04-03')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07');
  });

  it('treats midsommarafton, julafton and nyårsafton as days off, like the deadline law', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton, a Friday
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-31')).toBe(false);
    expect(isWorkingDay('2027-01-06')).toBe(false); // trettondedag jul
    expect(isWorkingDay('2026-12-30')).toBe(true);
  });

  it('counts working days both ways', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(-5);
  });
});

describe('entry deadlines for journal notes', () => {
  it('gives SoL and LSS ten working days across a weekend', () => {
    // Ends Wednesday 25 Nov; day 1 is Thursday 26 Nov; day 10 is Wednesday 9 Dec.
    expect(entryDeadline('SoL', '2026-11-25')).toBe('2026-12-09');
    expect(entryDeadline('LSS', '2026-11-25')).toBe('2026-12-09');
  });

  it('gives HSL one week, moved past a weekend or holiday', () => {
    expect(entryDeadline('HSL', '2026-11-25')).toBe('2026-12-02');
    // Ends Saturday 21 Nov: a week later is a Saturday, so Monday 30 Nov.
    expect(entryDeadline('HSL', '2026-11-21')).toBe('2026-11-30');
  });

  it('counts across Easter 2026', () => {
    // Ends Wednesday 1 April: Thu 2 is day 1, Fri 3 (långfredagen) and Mon 6 (annandag
    // påsk) are off, Tue 7 is day 2 … Fri 17 is day 10.
    expect(entryDeadline('SoL', '2026-04-01')).toBe('2026-04-17');
    // A week after Monday 30 March is Easter Monday, 6 April: moved to Tuesday 7 April.
    expect(entryDeadline('HSL', '2026-03-30')).toBe('2026-04-07');
  });

  it('counts across Midsummer 2026', () => {
    // Ends Wednesday 17 June: Thu 18 is day 1, Fri 19 (midsommarafton) is off, Mon 22 is
    // day 2 … Thu 2 July is day 10.
    expect(entryDeadline('SoL', '2026-06-17')).toBe('2026-07-02');
    // A week after Friday 12 June is midsommarafton: moved to Monday 22 June.
    expect(entryDeadline('HSL', '2026-06-12')).toBe('2026-06-22');
  });

  it('counts across Christmas and New Year 2026–27', () => {
    // Ends Monday 21 Dec: 22, 23, (24–27 off), 28, 29, 30, (31, 1–3 off), 4, 5, (6 off),
    // 7, 8, (9–10 weekend), 11 is day 10.
    expect(entryDeadline('SoL', '2026-12-21')).toBe('2027-01-11');
    // A week after Thursday 24 Dec is nyårsafton 31 Dec, then nyårsdagen: Monday 4 Jan.
    expect(entryDeadline('HSL', '2026-12-24')).toBe('2027-01-04');
  });
});
