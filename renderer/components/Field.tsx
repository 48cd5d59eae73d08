import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { AppErrorData } from '../../shared/result';
import type { FieldProps } from './useForm';

interface TextFieldProps
  extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps> {
  label: string;
  hint?: ReactNode;
}

export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  const id = useId();
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
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {error && (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
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

interface SelectFieldProps extends FieldProps {
  label: string;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, error, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
