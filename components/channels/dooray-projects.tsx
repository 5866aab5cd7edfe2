'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import { useToast } from '@/components/ui/toast';
import {
  deleteDoorayProjectAction,
  registerDoorayProjectAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';

type Project = { id: string; name: string; address: string; doorayProjectId: string; registrantName: string | null };

/** The registered projects, 프로젝트 등록 (dialog) and a confirmed delete. */
export function DoorayProjects({
  serviceId,
  projects,
  agents,
  canAdd,
}: {
  serviceId: string;
  projects: Project[];
  agents: { memberId: string; name: string; loginId: string }[];
  canAdd: boolean;
}) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Project | null>(null);
  const remove = useConfirmedAction(
    () => deleteDoorayProjectAction(null, { serviceId, projectId: removing!.id }),
    () => t('projectDeleted'),
  );
  const {
    pending: saving,
    onSubmit,
    fieldErrors,
    formError,
  } = useSavingFormAction(registerDoorayProjectAction, () => {
    setAdding(false);
    toast(t('projectSaved'));
  });
  return (
    <div className="space-y-3">
      {projects.length === 0 ? (
        <p className="text-sm text-slate-500">{t('projectsNone')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
          {projects.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
              data-testid={`dooray-project-${p.doorayProjectId}`}
            >
              <span>
                <span className="font-medium">{p.name}</span> ·{' '}
                <span className="font-mono text-xs">{p.doorayProjectId}</span> · {t('registrant')}:{' '}
                {p.registrantName ?? '-'}
                <br />
                <a
                  href={p.address}
                  className="text-xs text-brand-700 hover:underline"
                  target="_blank"
                  rel="noreferrer noopener"
                >
                  {p.address}
                </a>
              </span>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setRemoving(p);
                  remove.ask();
                }}
              >
                {t('projectDelete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('projectRegister')}
        </Button>
      )}
      <Dialog open={adding} onOpenChange={setAdding} title={t('projectRegister')} description={t('registrantHelp')}>
        <form onSubmit={onSubmit} className="space-y-3">
          <input type="hidden" name="serviceId" value={serviceId} />
          <TextField name="name" label={t('projectName')} required maxLength={100} errors={fieldErrors?.name} />
          <TextField
            name="address"
            label={t('projectAddress')}
            required
            placeholder="https://nhn.dooray.com/project/1234567890"
            help={t('projectAddressHelp')}
            errors={fieldErrors?.address}
          />
          <TextField
            name="doorayProjectId"
            label={t('projectId')}
            required
            maxLength={64}
            errors={fieldErrors?.doorayProjectId}
          />
          <SelectField
            name="registrantId"
            label={t('registrant')}
            required
            errors={fieldErrors?.registrantId}
            defaultValue=""
          >
            <option value="">{t('chooseRegistrant')}</option>
            {agents.map((a) => (
              <option key={a.memberId} value={a.memberId}>
                {a.name} ({a.loginId})
              </option>
            ))}
          </SelectField>
          <FormError message={formError} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setAdding(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" disabled={saving}>
              {t('projectRegister')}
            </Button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        {...remove.dialog}
        title={t('projectDeleteTitle', { name: removing?.name ?? '' })}
        description={t('projectDeleteBody')}
        confirmLabel={t('projectDelete')}
      />
    </div>
  );
}
