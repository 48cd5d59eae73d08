import { useState } from 'react';
import type { RegisterKey } from '../../../shared/registers';
import { countOf } from '../../../shared/swedishText';
import { skippedText } from '../../../shared/registers/marking';
import type { MarkEnteredResult } from '../../../shared/registers/schemas';
import { officeToday } from '../../app/clock';
import { useSession } from '../../app/session';
import { FormError, DateField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { registerApi } from './registerApi';
import type { ListFilter } from './useRecordPages';
import { useNotice } from '../../components/useNotice';

interface Props {
  registerKey: RegisterKey;
  /** The list's filter: "Markera alla" chooses every row it matches, not only those shown. */
  filter: ListFilter;
  ids: ReadonlySet<string>;
  onSelectAll: (ids: string[]) => void;
  onClear: () => void;
  /** Told the ids sent, once main has answered for each of them. */
  onDone: (sent: string[]) => void;
}

/** Skipped records named one by one up to this many; the rest are counted. */
const NAMED_SKIPS = 10;

/**
 * Chooses records to mark as entered in the social system (all of the filtered list, or
 * row by row in the list) and marks them, signed by whoever is signed in. Stays in place
 * while the list reloads, so the focus stays on its button; says what was marked and what
 * was left, and why.
 */
export function MarkEnteredBar({ registerKey, filter, ids, onSelectAll, onClear, onDone }: Props) {
  const { user } = useSession();
  // Both go when the next action starts, on this bar or anywhere on the page.
  const [result, setResult] = useNotice<MarkEnteredResult | null>(null);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useNotice<string | null>(null);
  // Marking keeps any open record form, and the date is no one's text: no need to ask.
  const form = useForm({ enteredOn: officeToday() }, { trackUnsaved: false });
  const submit = form.submitWith(
    (v) => {
      setResult(null);
      return registerApi(registerKey).markEntered({ ids: [...ids], enteredOn: v.enteredOn });
    },
    (answer) => {
      setResult(answer);
      onDone([...ids]);
    },
  );

  async function selectAll() {
    setPicking(true);
    setPickError(null);
    setResult(null);
    const answer = await registerApi(registerKey).markableIds(filter);
    setPicking(false);
    if (!answer.ok) return setPickError(answer.error.message);
    onSelectAll(answer.value.ids);
  }

  const count = ids.size;
  return (
    <div className="mark-area">
      <form className="mark-bar" onSubmit={submit} noValidate aria-label="Markera som införda">
        <strong className="mark-bar__count" aria-live="polite">
          {countOf(count, 'vald', 'valda')}
        </strong>
        <button type="button" className="button" disabled={picking} onClick={selectAll}>
          Markera alla
        </button>
        {count > 0 && (
          <button type="button" className="button" onClick={onClear}>
            Avmarkera alla
          </button>
        )}
        <DateField label="Införda datum" {...form.field('enteredOn')} />
        <span className="muted">Signeras {user.initials}</span>
        {/* Not disabled while busy (a second press is ignored): the focus stays on it. */}
        <button className="button button--primary" type="submit" aria-disabled={form.busy}>
          Markera som införda
        </button>
        {!form.error?.fields && <FormError error={form.error} />}
        {pickError && (
          <div className="alert alert--error" role="alert">
            {pickError}
          </div>
        )}
      </form>
      {result && <MarkResult result={result} />}
    </div>
  );
}

/** "3 poster markerade som införda. 2 poster hoppades över:", each named with its reason. */
function MarkResult({ result }: { result: MarkEnteredResult }) {
  const { count, skipped } = result;
  const posts = (n: number) => countOf(n, 'post', 'poster');
  return (
    <div className={`alert ${skipped.length ? 'alert--warning' : 'alert--success'}`} role="status">
      <p className="mark-result__summary">
        {posts(count)} {count === 1 ? 'markerad som införd' : 'markerade som införda'}.
        {skipped.length > 0 && ` ${posts(skipped.length)} hoppades över:`}
      </p>
      {skipped.length > 0 && (
        <ul className="mark-result__skipped">
          {skipped.slice(0, NAMED_SKIPS).map((s) => (
            <li key={s.id}>{skippedText(s)}</li>
          ))}
          {skipped.length > NAMED_SKIPS && <li>och {posts(skipped.length - NAMED_SKIPS)} till</li>}
        </ul>
      )}
    </div>
  );
}
