'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { sameOriginPath } from '@/lib/auth/safe-redirect';

/** Login by login ID or e-mail; the server's refusal reasons are translated here. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ login?: string[]; password?: string[] }>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const login = String(fd.get('login') ?? '').trim();
    const password = String(fd.get('password') ?? '');
    const fe = { login: login ? undefined : [tv('required')], password: password ? undefined : [tv('required')] };
    setFieldErrors(fe);
    setError(null);
    if (fe.login || fe.password) return;
    setPending(true);
    try {
      const res = await signIn('credentials', { login, password, redirect: false });
      if (res?.ok && !res.error) {
        router.replace(sameOriginPath(callbackUrl));
        router.refresh();
        return;
      }
      const code = res?.error ?? '';
      if (code.startsWith('locked:')) setError(t('locked', { minutes: Number(code.slice(7)) || 15 }));
      else if (code === 'invalid' || code === 'inactive' || code === 'invalid_input') setError(t(code));
      else setError(t('generic'));
    } catch {
      setError(t('generic'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        name="login"
        label={t('login')}
        autoComplete="username"
        autoFocus
        errors={fieldErrors.login}
        maxLength={200}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        autoComplete="current-password"
        errors={fieldErrors.password}
        maxLength={256}
      />
      <FormError message={error} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
