'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { TemplatePicker } from '@/components/templates/template-picker';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { LMS_MAX_BYTES, SMS_MAX_BYTES, smsLength } from '@/lib/sms/bytes';
import { sendTicketSmsAction } from '@/app/[serviceId]/(desk)/tickets/sms-actions';

type Props = { serviceId: string; ticketId: string; senders: string[]; requesterPhone: string | null; codes: string[] };

/**
 * SMS 발송 from a ticket: sender, recipient (the requester's phone or a typed number), a byte counter
 * in the provider's rules, templates and substitution codes. One click key per message: a second
 * submit of the same message (double click, retry after a lost answer) never sends twice.
 */
export function SmsSendButton({ serviceId, ticketId, senders, requesterPhone, codes }: Props) {
  const t = useTranslations('channels.sms');
  const toast = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [clickKey, setClickKey] = useState('');
  const [form, setForm] = useState({
    senderNo: senders[0] ?? '',
    to: requesterPhone ? 'requester' : 'number',
    recipientNo: '',
    title: '',
    body: '',
  });
  const [errors, setErrors] = useState<{ form?: string | null; fields?: Record<string, string[]> }>({});
  const [pending, start] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const len = smsLength(form.body);
  const insert = (text: string) => {
    const el = bodyRef.current;
    const at = el ? el.selectionStart : form.body.length;
    setForm((f) => ({ ...f, body: f.body.slice(0, at) + text + f.body.slice(at) }));
  };
  const openDialog = () => {
    setClickKey(crypto.randomUUID());
    setErrors({});
    setOpen(true);
  };
  const send = () =>
    start(async () => {
      setErrors({});
      const r = await sendTicketSmsAction(null, {
        serviceId,
        ticketId,
        clickKey,
        senderNo: form.senderNo,
        to: form.to as 'requester',
        recipientNo: form.recipientNo,
        title: form.title,
        body: form.body,
      });
      if (!r.ok) return setErrors({ form: r.error, fields: r.fieldErrors });
      setOpen(false);
      setForm((f) => ({ ...f, title: '', body: '' }));
      toast(t('sent'));
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" onClick={openDialog}>
        {t('send')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('sendTitle')} size="lg">
        <div className="space-y-3">
          <SelectField
            label={t('sender')}
            value={form.senderNo}
            onChange={(e) => setForm({ ...form, senderNo: e.target.value })}
            errors={errors.fields?.senderNo}
            required
          >
            {senders.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">{t('recipient')}</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-1">
                <input
                  type="radio"
                  name="sms-to"
                  checked={form.to === 'requester'}
                  disabled={!requesterPhone}
                  onChange={() => setForm({ ...form, to: 'requester' })}
                />{' '}
                {t('toRequester')}
                {requesterPhone ? ` (${requesterPhone})` : ''}
              </label>
              <label className="flex items-center gap-1">
                <input
                  type="radio"
                  name="sms-to"
                  checked={form.to === 'number'}
                  onChange={() => setForm({ ...form, to: 'number' })}
                />{' '}
                {t('toNumber')}
              </label>
            </div>
            {form.to === 'number' && (
              <TextField
                label={t('recipient')}
                inputMode="tel"
                value={form.recipientNo}
                onChange={(e) => setForm({ ...form, recipientNo: e.target.value })}
                placeholder="010-0000-0000"
                maxLength={30}
              />
            )}
            {errors.fields?.recipientNo?.map((m) => (
              <p key={m} role="alert" className="text-xs text-red-600">
                {m}
              </p>
            ))}
          </fieldset>
          {len.type === 'lms' && (
            <TextField
              label={t('messageTitle')}
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
              maxLength={120}
              errors={errors.fields?.title}
            />
          )}
          <div className="flex flex-wrap items-center gap-2">
            <TemplatePicker serviceId={serviceId} ticketId={ticketId} onInsert={insert} />
            <label className="flex items-center gap-1 text-sm">
              <span className="sr-only">{t('insertCode')}</span>
              <select
                value=""
                onChange={(e) => e.target.value && insert(`#{${e.target.value}}`)}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                <option value="">{t('insertCode')}</option>
                {codes.map((c) => (
                  <option key={c} value={c}>{`#{${c}}`}</option>
                ))}
              </select>
            </label>
          </div>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('body')}
            <textarea
              ref={bodyRef}
              value={form.body}
              onChange={(e) => setForm({ ...form, body: e.target.value })}
              rows={6}
              className="rounded-md border border-slate-300 px-3 py-2 font-normal"
              aria-describedby="sms-counter"
            />
          </label>
          <p
            id="sms-counter"
            aria-live="polite"
            className={len.tooLong || len.unsendable.length ? 'text-xs text-red-600' : 'text-xs text-slate-500'}
            data-testid="sms-counter"
          >
            {t('counter', {
              bytes: len.bytes,
              limit: len.type === 'sms' ? SMS_MAX_BYTES : LMS_MAX_BYTES,
              kind: len.type.toUpperCase(),
            })}
            {len.unsendable.length > 0 && <> · {t('unsendable', { detail: len.unsendable.join(' ') })}</>}
          </p>
          {form.body.includes('#{') && <p className="text-xs text-slate-500">{t('codesHint')}</p>}
          {errors.fields?.body?.map((m) => (
            <p key={m} role="alert" className="text-xs text-red-600">
              {m}
            </p>
          ))}
          <FormError message={errors.form} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button
              onClick={send}
              disabled={pending || !form.body.trim() || !form.senderNo || len.tooLong || len.unsendable.length > 0}
            >
              {t('send')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
