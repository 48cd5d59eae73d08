import type { RegisterRecord } from '../../../shared/registers/schemas';
import type { Result } from '../../../shared/result';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

interface Props {
  label: string;
  button: string;
  danger?: boolean;
  call: (reason: string) => Promise<Result<RegisterRecord>>;
  onDone: (record: RegisterRecord) => void;
}

/** A change that needs a written reason: voiding, or taking back "entered". */
export function ReasonForm({ label, button, danger, call, onDone }: Props) {
  const form = useForm({ reason: '' });
  const submit = form.submitWith((v) => call(v.reason), onDone);
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextField label={label} {...form.field('reason')} />
      <button
        className={`button${danger ? ' button--danger' : ''}`}
        type="submit"
        disabled={form.busy}
      >
        {button}
      </button>
      {!form.error?.fields && <FormError error={form.error} />}
    </form>
  );
}
