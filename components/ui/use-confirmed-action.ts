'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { useToast } from './toast';

/**
 * A destructive action behind a ConfirmDialog, one flow for all of them: `ask` opens the dialog;
 * confirming runs `run` in a transition, closes the dialog, toasts `done(data)` or the error, and
 * refreshes the page on success. Spread `dialog` into the ConfirmDialog.
 */
export function useConfirmedAction<T>(run: () => Promise<ActionResult<T>>, done: (data: T) => string) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const onConfirm = () =>
    start(async () => {
      const r = await run();
      setOpen(false);
      if (r.ok) {
        toast(done(r.data));
        router.refresh();
      } else toast(r.error, 'error');
    });
  return { ask: () => setOpen(true), pending, dialog: { open, onOpenChange: setOpen, onConfirm, pending } };
}
