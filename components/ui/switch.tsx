'use client';

import { cn } from './cn';

type Props = {
  checked: boolean;
  onChange?: (next: boolean) => void;
  disabled?: boolean;
  label: string;
  onLabel?: string;
  offLabel?: string;
};

/** An ON/OFF switch (role="switch"), labelled for screen readers, with its state in text too. */
export function Switch({ checked, onChange, disabled, label, onLabel = 'ON', offLabel = 'OFF' }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      onClick={() => onChange?.(!checked)}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60',
      )}
    >
      <span
        className={cn(
          'relative inline-block h-5 w-9 rounded-full transition-colors',
          checked ? 'bg-brand-600' : 'bg-slate-300',
        )}
      >
        <span
          className={cn(
            'absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition-transform',
            checked && 'translate-x-4',
          )}
        />
      </span>
      <span aria-hidden className={checked ? 'text-brand-700' : 'text-slate-500'}>
        {checked ? onLabel : offLabel}
      </span>
    </button>
  );
}
