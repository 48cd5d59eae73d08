import {
  auditKindLabel,
  auditKinds,
  recordVerbs,
  type AuditKind,
} from '../../../shared/audit/actions';
import type { AuditFilterInput } from '../../../shared/audit/entry';
import { registerKeys, registers, type RegisterKey } from '../../../shared/registers';
import { bySwedish } from '../../../shared/swedishText';

/** The filter form's values: text, as the fields hold them. */
export const emptyFilterForm = {
  actorId: '',
  kind: '',
  register: '',
  from: '',
  to: '',
  client: '',
};
export type FilterForm = typeof emptyFilterForm;

/** What the form sends to main: empty means "every"; main judges the rest. */
export function toAuditFilter(form: FilterForm): AuditFilterInput {
  return {
    actorId: form.actorId || null,
    kind: (form.kind || null) as AuditKind | null,
    register: (form.register || null) as RegisterKey | null,
    from: form.from.trim() || null,
    to: form.to.trim() || null,
    client: form.client,
  };
}

const otherKinds = auditKinds.filter((kind) => !kind.startsWith('record.') && kind !== 'lockouts');

/** The kinds of event in groups for the select: records first, then lock-outs, then A–Ö. */
export const kindGroups: { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: 'Poster i registren',
    options: recordVerbs.map((verb) => ({
      value: `record.${verb}`,
      label: auditKindLabel(`record.${verb}`),
    })),
  },
  {
    label: 'Säkerhet',
    options: [{ value: 'lockouts', label: auditKindLabel('lockouts') }],
  },
  {
    label: 'Övriga händelser',
    options: otherKinds
      .map((kind) => ({ value: kind, label: auditKindLabel(kind) }))
      .sort(bySwedish((option) => option.label)),
  },
];

export const registerOptions = registerKeys.map((key) => ({
  value: key,
  label: registers[key].title,
}));
