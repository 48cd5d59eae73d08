import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import type { AppErrorData } from '../../shared/result';
import { normalizeLocalDate, normalizeLocalDateTime } from '../../shared/time';
import type { FieldProps, FlagProps } from './useForm';

interface TextFieldProps
  extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps> {
  label: string;
  hint?: ReactNode;
}

interface FrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  children: (described: string | undefined) => ReactNode;
}

/** Label, hint and error around one control, wired for screen readers. */
export function FieldFrame({ id, label, hint, error, children }: FrameProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children(described || undefined)}
      {error && (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type DateFieldProps = Omit<TextFieldProps, 'type' | 'placeholder'>;

/**
 * Dates as Swedish offices write them, ÅÅÅÅ-MM-DD, whatever the browser's locale: a
 * native date input shows mm/dd/yyyy in an English-language Chromium. What is typed is
 * tidied when the field is left ("20261123" → "2026-11-23"); main judges the rest.
 */
export function DateField(props: DateFieldProps) {
  return <NormalizedField placeholder="ÅÅÅÅ-MM-DD" normalize={normalizeLocalDate} {...props} />;
}

/** Date and time the same way: ÅÅÅÅ-MM-DD TT:MM, office time. */
export function DateTimeField(props: DateFieldProps) {
  return (
    <NormalizedField placeholder="ÅÅÅÅ-MM-DD TT:MM" normalize={normalizeLocalDateTime} {...props} />
  );
}

function NormalizedField({
  normalize,
  ...props
}: TextFieldProps & { normalize: (text: string) => string }) {
  return (
    <TextField
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      {...props}
      onBlur={(event) => {
        const tidy = normalize(event.target.value);
        if (tidy !== event.target.value) {
          event.target.value = tidy;
          props.onChange(event);
        }
        props.onBlur?.(event);
      }}
    />
  );
}

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete'> & {
  /** A password being chosen (browser must not offer the saved one) rather than typed. */
  isNew?: boolean;
};

export function PasswordField({ isNew = false, ...props }: PasswordFieldProps) {
  return (
    <TextField
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      {...props}
    />
  );
}

interface TextAreaFieldProps
  extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof FieldProps> {
  label: string;
}

export function TextAreaField({ label, error, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(described) => (
        <textarea
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps extends FieldProps {
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, hint, error, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: FlagProps & { label: string; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...input}
        />
        {label}
      </label>
      {hint && <div className="field__hint">{hint}</div>}
      {error && (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The form-level message, in a live region screen readers announce. Left out when the
 * only thing wrong is one field, whose message already stands next to it.
 */
export function FormError({ error }: { error: AppErrorData | null }) {
  if (!error) return null;
  const fieldMessages = Object.values(error.fields ?? {});
  if (fieldMessages.length === 1 && fieldMessages[0] === error.message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {error.message}
    </div>
  );
}
