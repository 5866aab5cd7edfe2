'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { useToast } from './toast';

/**
 * An action behind a ConfirmDialog, one flow for all of them: `ask` opens the dialog; confirming
 * (or `run`, for the same action without asking) runs it in a transition, closes the dialog, toasts
 * `done(data)` (when it returns a message) or the error, and refreshes the page on success unless
 * `refresh: false`. Spread `dialog` into the ConfirmDialog.
 */
export function useConfirmedAction<T>(
  action: () => Promise<ActionResult<T>>,
  done: (data: T) => string | void,
  { refresh = true }: { refresh?: boolean } = {},
) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const run = () =>
    start(async () => {
      const r = await action();
      setOpen(false);
      if (r.ok) {
        const message = done(r.data);
        if (message) toast(message);
        if (refresh) router.refresh();
      } else toast(r.error, 'error');
    });
  return {
    ask: () => setOpen(true),
    run,
    pending,
    dialog: { open, onOpenChange: setOpen, onConfirm: run, pending },
  };
}
