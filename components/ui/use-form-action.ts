'use client';

import { useRouter } from 'next/navigation';
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
 * useFormAction for a form whose success changes what the page shows (create/edit dialogs,
 * settings forms): `onSaved` gets the result's data (close the dialog, toast), then the page's
 * server data is refreshed. A refused submission keeps the form as typed, with its messages.
 */
export function useSavingFormAction<T>(
  action: (prev: unknown, fd: FormData) => Promise<ActionResult<T>>,
  onSaved: (data: T) => void,
) {
  const router = useRouter();
  return useFormAction<T>(async (prev, fd) => {
    const r = await action(prev, fd);
    if (r.ok) {
      onSaved(r.data);
      router.refresh();
    }
    return r;
  });
}

/**
 * The message for above the submit button: none when it repeats a message already shown under
 * a field (a name clash is said once, beside the name).
 */
export function formErrorOf(r: { error: string; fieldErrors?: Record<string, string[]> }): string | null {
  return Object.values(r.fieldErrors ?? {}).some((list) => list.includes(r.error)) ? null : r.error;
}
