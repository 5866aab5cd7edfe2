'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { addAgentAction, updateAgentAction } from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';
import { InlineGroupAdd } from './inline-group-add';
import { MemberPicker, type PickedMember } from './member-picker';

type Group = { id: string; name: string };
type Existing = {
  id: string;
  member: PickedMember;
  role: 'admin' | 'agent';
  channels: string[];
  canTransfer: boolean;
  canViewLogs: boolean;
  groupIds: string[];
};

type Props = { serviceId: string; groups: Group[]; agent?: Existing; isSelf?: boolean };

function Errors({ list }: { list?: string[] }) {
  return (
    <>
      {list?.map((e) => (
        <p key={e} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
    </>
  );
}

/** 상담원 추가 / 수정: account, groups (with an inline 그룹 추가), role and permissions. */
export function AgentForm({ serviceId, groups: initialGroups, agent, isSelf }: Props) {
  const t = useTranslations('agents');
  const tc = useTranslations('common');
  const router = useRouter();
  const toast = useToast();
  const [member, setMember] = useState<PickedMember | null>(agent?.member ?? null);
  const [groups, setGroups] = useState(initialGroups);
  const [checked, setChecked] = useState<string[]>(agent?.groupIds ?? []);
  const [role, setRole] = useState<'admin' | 'agent'>(agent?.role ?? 'agent');
  const [viewLogs, setViewLogs] = useState(agent?.canViewLogs ?? false);
  const back = `/${serviceId}/settings/agents`;

  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(
    (prev, fd) => (agent ? updateAgentAction(prev, fd) : addAgentAction(prev, fd)),
    () => {
      toast(agent ? t('updated') : t('added', { name: member?.name ?? '' }));
      router.push(back);
    },
  );

  const pick = (m: PickedMember) => {
    setMember(m);
    if (m.isOrgAdmin) setRole('admin');
  };
  const changeRole = (r: 'admin' | 'agent') => {
    setRole(r);
    // 조회 권한 is for admins only: switching to 상담원 clears it rather than sending a refusal.
    if (r === 'agent') setViewLogs(false);
  };
  const roleLocked = Boolean(isSelf || member?.isOrgAdmin);

  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-6" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      {agent ? (
        <input type="hidden" name="agentId" value={agent.id} />
      ) : (
        member && <input type="hidden" name="memberId" value={member.id} />
      )}

      <Card>
        <h2 className="mb-3 font-semibold">{t('account')}</h2>
        {member ? (
          <div
            className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 px-4 py-3"
            data-testid="selected-member"
          >
            <div>
              <p className="text-xs text-slate-500">{t('selectedMember')}</p>
              <p className="font-medium">
                {member.name} <span className="font-mono text-sm text-slate-600">{member.loginId}</span>
              </p>
              <p className="text-sm text-slate-600">{member.email}</p>
            </div>
            {!agent && (
              <Button variant="secondary" size="sm" onClick={() => setMember(null)}>
                {t('change')}
              </Button>
            )}
          </div>
        ) : (
          <MemberPicker serviceId={serviceId} onPick={pick} />
        )}
        <Errors list={fe?.memberId} />
      </Card>

      <Card>
        <fieldset className="space-y-2">
          <legend className="mb-2 font-semibold">{t('groups')}</legend>
          {groups.length === 0 && <p className="text-sm text-slate-500">{t('noGroupsYet')}</p>}
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {groups.map((g) => (
              <label key={g.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="groupIds[]"
                  value={g.id}
                  checked={checked.includes(g.id)}
                  onChange={(e) =>
                    setChecked(e.target.checked ? [...checked, g.id] : checked.filter((id) => id !== g.id))
                  }
                  className="size-4 accent-brand-600"
                />
                {g.name}
              </label>
            ))}
          </div>
          <Errors list={fe?.groupIds} />
          <InlineGroupAdd
            serviceId={serviceId}
            onCreated={(g) => {
              setGroups((list) => [...list, g].sort((a, b) => a.name.localeCompare(b.name)));
              setChecked((list) => [...list, g.id]);
            }}
          />
        </fieldset>
      </Card>

      <Card className="space-y-5">
        <fieldset>
          <legend className="mb-1 font-semibold">{t('role')}</legend>
          <p className="mb-2 text-xs text-slate-500">{member?.isOrgAdmin ? t('orgAdminRoleHelp') : t('roleHelp')}</p>
          {roleLocked && <input type="hidden" name="role" value={role} />}
          <div className="flex gap-5">
            {(['admin', 'agent'] as const).map((r) => (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={roleLocked ? undefined : 'role'}
                  value={r}
                  checked={role === r}
                  disabled={roleLocked}
                  onChange={() => changeRole(r)}
                  className="accent-brand-600"
                />
                {r === 'admin' ? t('roleAdmin') : t('roleAgent')}
              </label>
            ))}
          </div>
          <Errors list={fe?.role} />
        </fieldset>

        <fieldset>
          <legend className="mb-1 font-semibold">{t('channels')}</legend>
          <p className="mb-2 text-xs text-slate-500">{t('channelsHelp')}</p>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="channels[]"
              value="ticket"
              defaultChecked={agent ? agent.channels.includes('ticket') : true}
              className="size-4 accent-brand-600"
            />
            {t('channelTicket')}
          </label>
          <Errors list={fe?.channels} />
        </fieldset>

        <div>
          <label className="flex items-center gap-2 text-sm font-semibold">
            <input
              type="checkbox"
              name="canTransfer"
              defaultChecked={agent?.canTransfer ?? false}
              className="size-4 accent-brand-600"
            />
            {t('canTransfer')}
          </label>
          <p className="ml-6 text-xs text-slate-500">{t('canTransferHelp')}</p>
          <Errors list={fe?.canTransfer} />
        </div>

        <div>
          <label className="flex items-center gap-2 text-sm font-semibold">
            <input
              type="checkbox"
              name="canViewLogs"
              checked={viewLogs}
              disabled={role !== 'admin'}
              onChange={(e) => setViewLogs(e.target.checked)}
              className="size-4 accent-brand-600"
            />
            {t('canViewLogs')}
          </label>
          <p className="ml-6 text-xs text-slate-500">{t('canViewLogsHelp')}</p>
          <Errors list={fe?.canViewLogs} />
        </div>
      </Card>

      <FormError message={formError} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !member}>
          {pending ? tc('saving') : agent ? t('submitEdit') : t('submitAdd')}
        </Button>
        <Button variant="secondary" onClick={() => router.push(back)}>
          {tc('cancel')}
        </Button>
      </div>
    </form>
  );
}
