'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, SelectField, TextField, TextareaField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { doorayCommentAction, transferToDoorayAction } from '@/app/[serviceId]/(desk)/tickets/dooray-actions';

type Props = {
  serviceId: string;
  ticket: { id: string; version: number };
  /** 이관 is offered (enabled, not paused, a project exists, the ticket is not in Dooray already). */
  canTransfer: boolean;
  canComment: boolean;
  projects: { id: string; name: string }[];
  defaults: { subject: string; body: string };
};

/** Dooray 이관 and Dooray 코멘트 on the ticket screen. */
export function DoorayTicketActions({ serviceId, ticket, canTransfer, canComment, projects, defaults }: Props) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const router = useRouter();
  const [dialog, setDialog] = useState<'transfer' | 'comment' | null>(null);
  const [form, setForm] = useState({
    projectId: projects.length === 1 ? projects[0].id : '',
    subject: defaults.subject,
    body: defaults.body,
    comment: '',
  });
  const [errors, setErrors] = useState<{ form?: string; fields?: Record<string, string[]> }>({});
  const [pending, start] = useTransition();
  const run = (
    fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>,
    done: string,
  ) =>
    start(async () => {
      setErrors({});
      const r = await fn();
      if (!r.ok) return setErrors({ form: r.error, fields: r.fieldErrors });
      setDialog(null);
      toast(done);
      router.refresh();
    });
  if (!canTransfer && !canComment) return null;
  return (
    <>
      {canTransfer && (
        <Button variant="secondary" onClick={() => setDialog('transfer')} disabled={pending}>
          {t('transfer')}
        </Button>
      )}
      {canComment && (
        <Button variant="secondary" onClick={() => setDialog('comment')} disabled={pending}>
          {t('comment')}
        </Button>
      )}
      <Dialog
        open={dialog === 'transfer'}
        onOpenChange={(o) => !o && setDialog(null)}
        title={t('transferTitle')}
        description={t('transferHelp')}
        size="lg"
      >
        <div className="space-y-3">
          <SelectField
            label={t('project')}
            value={form.projectId}
            onChange={(e) => setForm({ ...form, projectId: e.target.value })}
            errors={errors.fields?.projectId}
            required
          >
            <option value="">{t('chooseProject')}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('subject')}
            value={form.subject}
            onChange={(e) => setForm({ ...form, subject: e.target.value })}
            maxLength={200}
            errors={errors.fields?.subject}
            required
          />
          <TextareaField
            label={t('body')}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
            rows={8}
            errors={errors.fields?.body}
          />
          <FormError message={errors.form} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            <Button
              disabled={pending || !form.projectId}
              onClick={() =>
                run(
                  () =>
                    transferToDoorayAction(null, {
                      serviceId,
                      ticketId: ticket.id,
                      version: ticket.version,
                      projectId: form.projectId,
                      subject: form.subject,
                      body: form.body,
                    }),
                  t('transferred'),
                )
              }
            >
              {t('transfer')}
            </Button>
          </div>
        </div>
      </Dialog>
      <Dialog open={dialog === 'comment'} onOpenChange={(o) => !o && setDialog(null)} title={t('commentTitle')}>
        <div className="space-y-3">
          <TextareaField
            label={t('commentBody')}
            value={form.comment}
            onChange={(e) => setForm({ ...form, comment: e.target.value })}
            rows={5}
            errors={errors.fields?.body}
          />
          <FormError message={errors.form} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            <Button
              disabled={pending || !form.comment.trim()}
              onClick={() =>
                run(async () => {
                  const r = await doorayCommentAction(null, { serviceId, ticketId: ticket.id, body: form.comment });
                  if (r.ok) setForm((f) => ({ ...f, comment: '' }));
                  return r;
                }, t('commented'))
              }
            >
              {t('comment')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
