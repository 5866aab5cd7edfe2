import { useId, type ComponentProps, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cn } from './cn';

type FieldProps = { label: ReactNode; help?: ReactNode; errors?: string[]; required?: boolean };

const control =
  'block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-brand-500 disabled:bg-slate-100';

function Frame({ id, label, help, errors, required, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </label>
      {children}
      {help && !errors?.length && (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
    </div>
  );
}

/** The id, ARIA wiring and classes every labelled control shares (errors win over help). */
function controlProps(
  id: string,
  { help, errors, required, className }: Omit<FieldProps, 'label'> & { className?: string },
) {
  const invalid = Boolean(errors?.length);
  return {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : help ? `${id}-help` : undefined,
    required,
    className: cn(control, invalid ? 'border-red-500' : 'border-slate-300', className),
  };
}

/** A labelled text input with help text and field errors (wired for screen readers). */
export function TextField({
  label,
  help,
  errors,
  required,
  className,
  ...props
}: FieldProps & ComponentProps<'input'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} errors={errors} required={required}>
      <input {...controlProps(id, { help, errors, required, className })} {...props} />
    </Frame>
  );
}

/** A labelled textarea with help text and field errors, wired like TextField. */
export function TextareaField({
  label,
  help,
  errors,
  required,
  className,
  ...props
}: FieldProps & ComponentProps<'textarea'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} errors={errors} required={required}>
      <textarea {...controlProps(id, { help, errors, required, className })} {...props} />
    </Frame>
  );
}

/**
 * A labelled select wired like TextField. `required` is announced (`aria-required`) but not
 * enforced natively: the server's field error names an empty choice in the user's language.
 */
export function SelectField({
  label,
  help,
  errors,
  required,
  className,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} errors={errors} required={required}>
      <select {...controlProps(id, { help, errors, className })} aria-required={required || undefined} {...props}>
        {children}
      </select>
    </Frame>
  );
}

export function CheckboxField({ label, help, errors, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" {...props} />
        <label htmlFor={id} className="text-sm text-slate-700">
          {label}
        </label>
      </div>
      {help && <p className="text-xs text-slate-500">{help}</p>}
      {errors?.map((e) => (
        <p key={e} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
    </div>
  );
}

/** The form-level error shown above the submit button. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
