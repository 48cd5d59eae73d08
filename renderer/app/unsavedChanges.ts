/**
 * Which open forms hold input that is not saved. Every form built on useForm reports
 * here, so one guard in the shell can ask before anything replaces them. Memory only:
 * the input is about vulnerable people and never goes to storage or disk.
 */
const dirtyForms = new Set<object>();

export function reportUnsaved(form: object, unsaved: boolean): void {
  if (unsaved) dirtyForms.add(form);
  else dirtyForms.delete(form);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

type Values = Record<string, string | boolean>;

/**
 * Whether a form's values differ from what it started with (or last saved). A field
 * typed into and emptied again is not a change, nor is an unticked box that was absent.
 */
export function differs(baseline: Values, values: Values): boolean {
  const keys = new Set([...Object.keys(baseline), ...Object.keys(values)]);
  return [...keys].some((key) => normalized(baseline[key]) !== normalized(values[key]));
}

const normalized = (value: string | boolean | undefined) =>
  value === undefined || value === false ? '' : value;
