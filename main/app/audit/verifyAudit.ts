import type { DataSource } from 'typeorm';
import {
  auditActionLabel,
  describeAuditEntry,
  type DescribeContext,
} from '../../../shared/audit/describe';
import type { Output, SessionUser } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/time';
import type { AuditRecord } from '../db/entities/auditRecord';
import { connectionOf } from '../db/open';
import { recordAudit, toEntry } from './auditLog';
import type { Problem } from './chainCheck';
import { columns, describeContext } from './describedAudit';
import { verifyChains, type ChainProblem } from './verifyChain';

export type VerifyAnswer = Output<'audit.verify'>;

/** The most faults named one by one in the answer. */
const MAX_NAMED = 100;

/**
 * "Verifiera händelseloggen": every chain checked (verifyChain.ts), the answer in Swedish
 * naming each entry that is wrong in the describer's words, and the check itself audited,
 * after it and chained like any entry (so a check of a broken log is in the log too).
 */
export async function verifyAuditLog(
  dataSource: DataSource,
  actor: Pick<SessionUser, 'id' | 'fullName'>,
  now: Date,
): Promise<VerifyAnswer> {
  const report = verifyChains(connectionOf(dataSource));
  const found = report.problems.length;
  // A log tampered with throughout is said to be so; the first faults are named, not all.
  const problems = await problemSentences(dataSource, report.problems.slice(0, MAX_NAMED));
  if (found > MAX_NAMED) {
    problems.push(
      `… och ${count(found - MAX_NAMED, 'fel', 'fel')} till av samma slag eller andra.`,
    );
  }
  const whole = found === 0;
  const counted = `${count(report.entries, 'händelse', 'händelser')} i ${count(report.chains, 'kedja', 'kedjor')}`;
  const message = whole
    ? `Händelseloggen är hel: ${counted} kontrollerade.`
    : `Händelseloggen är inte hel: ${count(found, 'fel', 'fel')} bland ${counted}.`;
  await dataSource.transaction((manager) =>
    recordAudit(manager, {
      actor,
      at: now,
      action: 'audit.verify',
      entity: 'audit',
      entityId: null,
      after: {
        entries: report.entries,
        chains: report.chains,
        whole,
        problems: found,
      },
    }),
  );
  return { whole, entries: report.entries, chains: report.chains, message, problems };
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;

async function problemSentences(
  dataSource: DataSource,
  problems: readonly ChainProblem[],
): Promise<string[]> {
  if (problems.length === 0) return [];
  const context = await describeContext(dataSource);
  const devices = new Map(
    (
      (await dataSource.query('SELECT id, name, is_this FROM devices')) as {
        id: string;
        name: string;
        is_this: number;
      }[]
    ).map((d) => [d.id, d]),
  );
  const ids = [...new Set(problems.flatMap(({ problem }) => idsOf(problem)))];
  const rows = new Map<number, AuditRecord>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const found = (await dataSource.query(
      `SELECT ${columns} FROM audit_log WHERE id IN (${part.map(() => '?').join(', ')})`,
      part,
    )) as AuditRecord[];
    for (const row of found) rows.set(row.id, row);
  }
  const words = (id: number | null) => (id === null ? '' : entryWords(rows.get(id), context));
  return problems.map(({ chain, problem }) => {
    const device = devices.get(chain);
    // Entries read in from a laptop: said so, since they are a chain of their own.
    const where = device && !device.is_this ? `Bland händelserna från ${device.name}: ` : '';
    const sentence = problemSentence(problem, words);
    return where ? where + sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
  });
}

function idsOf(problem: Problem): number[] {
  switch (problem.kind) {
    case 'edited':
    case 'added':
      return [problem.id];
    case 'swapped':
      return problem.ids;
    case 'missing':
      return [problem.after, problem.before].filter((id): id is number => id !== null);
    case 'headMissing':
      return [];
  }
}

export function problemSentence(problem: Problem, words: (id: number | null) => string): string {
  switch (problem.kind) {
    case 'edited':
      return `Händelsen ${words(problem.id)}, har ändrats efter att den skrevs.`;
    case 'added':
      return `En händelse har lagts till i efterhand: ${words(problem.id)}.`;
    case 'swapped':
      return `Händelserna ${words(problem.ids[0])} och ${words(problem.ids[1])} har bytt plats.`;
    case 'missing': {
      const what = problem.count === 1 ? 'En händelse saknas' : `${problem.count} händelser saknas`;
      if (problem.after !== null && problem.before !== null) {
        return `${what} mellan ${words(problem.after)} och ${words(problem.before)}.`;
      }
      if (problem.before !== null) return `${what} före ${words(problem.before)}, först i loggen.`;
      if (problem.after !== null) return `${what} efter ${words(problem.after)}, sist i loggen.`;
      return `${what}: alla har tagits bort.`;
    }
    case 'headMissing':
      return 'Loggens slutpunkt saknas: det går inte att se om de sista händelserna har tagits bort.';
  }
}

/**
 * An entry as people know it from the Händelselogg: "2026-11-23 kl. 10:42, Kalle
 * Handläggare, Beslut ändrat" (the describer's words). An entry edited into something the
 * describer cannot read is still named, from its raw fields.
 */
export function entryWords(row: AuditRecord | undefined, context: DescribeContext): string {
  if (!row) return '(okänd händelse)';
  const when = (at: string) => {
    const text = /^\d{4}-\d{2}-\d{2}T/.test(at) ? formatDateTime(at) : at;
    const [date, time] = text.split(' ');
    return time ? `${date} kl. ${time}` : text;
  };
  try {
    const described = describeAuditEntry(toEntry(row), context);
    return `${when(described.at)}, ${described.actor}, ${described.event}`;
  } catch {
    return `${when(row.at)}, ${row.actorName ?? 'Okänd (inte inloggad)'}, ${auditActionLabel(row.action)}`;
  }
}
