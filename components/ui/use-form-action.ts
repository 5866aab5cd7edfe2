'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/action';

/**
 * Binds a server action to a form without React's automatic form reset, so a refused
 * submission keeps everything the person typed (only the messages change).
 */
export function useFormAction<T>(action: (prev: unknown, fd: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
  return {
    state,
    pending,
    onSubmit,
    fieldErrors: state && !state.ok ? state.fieldErrors : undefined,
    formError: state && !state.ok ? formErrorOf(state) : null,
  };
}

/**
 * The message for above the submit button: none when it repeats a message already shown under
 * a field (a name clash is said once, beside the name).
 */
export function formErrorOf(r: { error: string; fieldErrors?: Record<string, string[]> }): string | null {
  return Object.values(r.fieldErrors ?? {}).some((list) => list.includes(r.error)) ? null : r.error;
}
