import type { FieldChange } from '../../../shared/registers/changes';

/** Fields that changed, "Label: before → after", as they must be carried into the social system. */
export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.label}>
          <strong>{change.label}:</strong>{' '}
          <span className="change-list__before">{change.before}</span> → {change.after}
        </li>
      ))}
    </ul>
  );
}
