import type { RegisterDefinition } from '../../../shared/registers';
import { mayChangeRecord, whyNotChange } from '../../../shared/registers/access';
import { columnHeadings, fieldHeading } from '../../../shared/registers/headings';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { formatDateTime } from '../../../shared/time';
import { useSession } from '../../app/session';
import { ChangeList } from './ChangeList';
import { formatFieldValue, formatIdentity } from './fieldFormat';
import { RecordHistory } from './RecordHistory';
import { ReasonForm } from './ReasonForm';
import { registerApi } from './registerApi';

interface Props {
  definition: RegisterDefinition;
  record: RegisterRecord;
  onEdit: () => void;
  onChanged: (record: RegisterRecord, message: string) => void;
  onClose: () => void;
}

/** One record in full, with what may be done to it. */
export function RecordDetails({ definition, record, onEdit, onChanged, onClose }: Props) {
  const { user, unit } = useSession();
  const mayChange = mayChangeRecord(definition, user, record);
  // Said rather than the buttons silently missing: whose record it is, and who may change it.
  const whyNot = record.voidedAt ? null : whyNotChange(definition, user, record);
  const calls = registerApi(definition.key);

  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title" className={record.voidedAt ? 'voided' : undefined}>
        {record.clientName}, {formatIdentity(record)}
      </h2>
      {record.voidedAt && (
        <div className="alert alert--error" role="status">
          Makulerad {formatDateTime(record.voidedAt)} av {record.voidedByName}: {record.voidReason}
        </div>
      )}
      {record.changedAfterEntry && (
        <div className="alert alert--warning" role="status">
          <strong>Ändrad efter införing</strong> {formatDateTime(record.changedAfterEntry.at)} av{' '}
          {record.changedAfterEntry.byName}
          {record.changedAfterEntry.previousEnteredOn &&
            ` (var införd ${record.changedAfterEntry.previousEnteredOn} ${record.changedAfterEntry.previousEnteredByInitials ?? ''})`}
          . Ändringen måste också föras in i verksamhetssystemet:
          <ChangeList changes={record.changedAfterEntry.changes} />
        </div>
      )}
      <dl className="facts">
        {definition.fields
          .filter((field) => !field.onlyWhenAsked || record.values[field.key])
          .map((field) => (
            <div key={field.key} className="facts__row">
              <dt>{fieldHeading(field, unit)}</dt>
              <dd className="prewrap">
                {formatFieldValue(field, record.values[field.key]) || '–'}
              </dd>
            </div>
          ))}
        <div className="facts__row">
          <dt>Registrerad</dt>
          <dd>
            {formatDateTime(record.createdAt)} av {record.createdByName}
            {record.transcribedFromPaper &&
              ` – efterregistrerad från papper av ${record.transcribedByName}`}
          </dd>
        </div>
        {record.transcribedFromPaper && (
          <div className="facts__row">
            <dt>{columnHeadings.reference}</dt>
            <dd>{record.paperReference ?? 'Saknas på blanketten'}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{columnHeadings.entry}</dt>
          <dd>
            {record.enteredOn
              ? `${record.enteredOn}, ${record.enteredByName} (${record.enteredByInitials})`
              : record.changedAfterEntry
                ? 'Nej – ändrad efter införing, ska föras in igen'
                : 'Nej'}
          </dd>
        </div>
        {definition.hasDeadline && (
          <div className="facts__row">
            <dt>{columnHeadings.deadline}</dt>
            <dd>{record.deadline ?? 'Räknas från avbrottets slut'}</dd>
          </div>
        )}
      </dl>
      {whyNot && (
        <p className="alert alert--info" role="note">
          {whyNot}
        </p>
      )}
      <div className="actions">
        {mayChange && !record.voidedAt && (
          <button type="button" className="button button--primary" onClick={onEdit}>
            Ändra
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Stäng
        </button>
      </div>
      {mayChange && !record.voidedAt && record.enteredOn && (
        <ReasonForm
          label="Skäl till att ångra markeringen"
          button="Ångra införd"
          call={(reason) => calls.unmarkEntered({ id: record.id, reason })}
          onDone={(r) => onChanged(r, 'Markeringen som införd är borttagen.')}
        />
      )}
      {mayChange && !record.voidedAt && (
        <ReasonForm
          label="Skäl till makulering"
          button="Makulera"
          danger
          call={(reason) => calls.void({ id: record.id, reason })}
          onDone={(r) => onChanged(r, 'Posten är makulerad. Den finns kvar, överstruken.')}
        />
      )}
      <RecordHistory registerKey={definition.key} id={record.id} />
    </section>
  );
}
