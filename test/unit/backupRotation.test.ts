import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToRemove, type BackupFile } from '../../main/app/backup/backupFiles';
import { localDate } from '../../shared/time';

/** A backup made at that instant (only its time matters to rotation). */
const made = (iso: string): BackupFile => ({
  path: `/stick/${iso}`,
  name: iso,
  device: '0a1b2c3d',
  madeAt: new Date(iso),
  bytes: 1,
});
const newestFirst = (backups: BackupFile[]) =>
  [...backups].sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime());

describe('backup rotation', () => {
  it('keeps the newest K and the last backup of each of the seven latest office days', () => {
    // One backup an evening from the 13th to the 21st, then 25 by hand on the 23rd.
    const evenings = Array.from({ length: 9 }, (_, i) =>
      made(`2026-11-${String(13 + i).padStart(2, '0')}T19:00:00.000Z`),
    );
    const today = Array.from({ length: 25 }, (_, i) =>
      made(`2026-11-23T13:${String(i).padStart(2, '0')}:00.000Z`),
    );
    const removed = backupsToRemove(newestFirst([...evenings, ...today]), 20);
    // Today's five oldest, and the evenings of the three oldest days (13–15 November):
    // the seven days kept are the 23rd and the 16th–21st.
    expect(removed.map((b) => b.name).sort()).toEqual(
      [
        ...today.slice(0, 5).map((b) => b.name),
        '2026-11-13T19:00:00.000Z',
        '2026-11-14T19:00:00.000Z',
        '2026-11-15T19:00:00.000Z',
      ].sort(),
    );
  });

  it('counts days in office time: 23:30 UTC on the 22nd is the 23rd in Stockholm', () => {
    const late = made('2026-11-22T23:30:00.000Z');
    const earlier = made('2026-11-22T22:30:00.000Z');
    expect(localDate(late.madeAt)).toBe('2026-11-23');
    // keep 1 and one day: the 23rd (late) is kept as the newest, the 22nd's (earlier) is
    // not among the latest one day.
    expect(backupsToRemove(newestFirst([late, earlier]), 1, 1)).toEqual([earlier]);
    // Two days: each day keeps its last.
    expect(backupsToRemove(newestFirst([late, earlier]), 1, 2)).toEqual([]);
  });

  it('never removes one of the newest K, never keeps more than K + 7, and keeps each kept day', () => {
    const instant = fc
      .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-12-31') })
      .map((ms) => made(new Date(ms).toISOString()));
    fc.assert(
      fc.property(
        fc.uniqueArray(instant, { selector: (b) => b.name, maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (backups, keep) => {
          const sorted = newestFirst(backups);
          const removed = new Set(backupsToRemove(sorted, keep));
          const kept = sorted.filter((b) => !removed.has(b));
          expect(sorted.slice(0, keep).every((b) => !removed.has(b))).toBe(true);
          expect(kept.length).toBeLessThanOrEqual(keep + 7);
          const days = [...new Set(sorted.map((b) => localDate(b.madeAt)))].slice(0, 7);
          for (const day of days) {
            expect(kept.some((b) => localDate(b.madeAt) === day)).toBe(true);
          }
        },
      ),
    );
  });
});
