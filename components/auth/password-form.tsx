'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

type Props<T> = {
  /** The verb behind the form: accept an invite, reset by link, or change one's own. */
  action: (prev: unknown, fd: FormData) => Promise<ActionResult<T>>;
  submitLabel: string;
  /** The invite or reset link's token, sent back hidden. */
  token?: string;
  /** 비밀번호 변경: a heading, the current password first, and a note (the form stays) when done. */
  change?: { title: string; currentLabel: string; doneMessage: string };
  /** The link flows: what replaces the form when done, with the login ID and a way to log in. */
  doneTitle?: string;
};

/** A new password typed twice under the shared rule; the one form behind invite, reset and change. */
export function PasswordForm<T>({ action, submitLabel, token, change, doneTitle }: Props<T>) {
  const ti = useTranslations('invite');
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, fieldErrors: fe, formError } = useFormAction(action);
  const stays = Boolean(change);
  // Only a new answer clears the fields (not every render): the form stays for another change.
  useEffect(() => {
    if (stays && state?.ok) form.current?.reset();
  }, [stays, state]);
  if (!change && state?.ok) {
    return (
      <div role="status" className="space-y-4">
        <h2 className="text-lg font-semibold">{doneTitle}</h2>
        <p className="text-sm text-slate-600">
          {ti('doneBody', { loginId: String((state.data as { loginId?: string }).loginId ?? '') })}
        </p>
        <Link
          href="/login"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {ti('goLogin')}
        </Link>
      </div>
    );
  }
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      className={change ? 'space-y-3' : 'space-y-4'}
      noValidate
      aria-labelledby={change ? titleId : undefined}
    >
      {change && (
        <h2 id={titleId} className="font-semibold">
          {change.title}
        </h2>
      )}
      {token !== undefined && <input type="hidden" name="token" value={token} />}
      {change && (
        <TextField
          name="current"
          type="password"
          label={change.currentLabel}
          autoComplete="current-password"
          required
          errors={fe?.current}
          maxLength={256}
        />
      )}
      <TextField
        name="password"
        type="password"
        label={ti('password')}
        help={ti('rule')}
        autoComplete="new-password"
        required
        errors={fe?.password}
        maxLength={128}
      />
      <TextField
        name="confirm"
        type="password"
        label={ti('confirm')}
        autoComplete="new-password"
        required
        errors={fe?.confirm}
        maxLength={128}
      />
      <FormError message={formError} />
      {change && state?.ok && (
        <p role="status" className="text-sm text-green-700">
          {change.doneMessage}
        </p>
      )}
      <Button type="submit" className={change ? undefined : 'w-full'} disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
