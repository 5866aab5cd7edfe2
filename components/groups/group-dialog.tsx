'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import {
  agentOptionsAction,
  createGroupAction,
  updateGroupAction,
} from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormError, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useSavingFormAction } from '@/components/ui/use-form-action';

type Agent = { id: string; name: string; loginId: string };
type Props = {
  serviceId: string;
  group?: { id: string; name: string; agents: Agent[] };
  open: boolean;
  onOpenChange: (o: boolean) => void;
};

function AgentList({
  label,
  agents,
  selected,
  onToggle,
  empty,
}: {
  label: string;
  agents: Agent[];
  selected: string[];
  onToggle: (id: string) => void;
  empty: string;
}) {
  return (
    <fieldset className="min-w-0 flex-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
      <ul className="h-56 overflow-y-auto rounded-md border border-slate-300 bg-white p-1 text-sm" aria-label={label}>
        {agents.length === 0 && <li className="px-2 py-1 text-slate-400">{empty}</li>}
        {agents.map((a) => (
          <li key={a.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-slate-50">
              <input
                type="checkbox"
                checked={selected.includes(a.id)}
                onChange={() => onToggle(a.id)}
                className="size-4 accent-brand-600"
              />
              <span className="truncate">{a.name}</span>
              <span className="truncate font-mono text-xs text-slate-500">{a.loginId}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * 그룹 추가 / 수정: the name, and the two lists of the guide — the service's agents on the
 * left (searchable), the group's on the right — moved across with [>] and [<].
 */
export function GroupDialog({ serviceId, group, open, onOpenChange }: Props) {
  const t = useTranslations('groups');
  const tc = useTranslations('common');
  const toast = useToast();
  const [assigned, setAssigned] = useState<Agent[]>(group?.agents ?? []);
  const [options, setOptions] = useState<Agent[]>([]);
  const [q, setQ] = useState('');
  const [left, setLeft] = useState<string[]>([]);
  const [right, setRight] = useState<string[]>([]);
  const [loading, startLoading] = useTransition();

  useEffect(() => {
    if (!open) return;
    // Debounced, so typing a name asks the server once.
    const timer = setTimeout(() => {
      startLoading(async () => {
        const r = await agentOptionsAction(null, { serviceId, q });
        if (r.ok) setOptions(r.data);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [open, q, serviceId]);

  const {
    pending,
    onSubmit,
    fieldErrors: fe,
    formError,
  } = useSavingFormAction(
    (prev, fd) => (group ? updateGroupAction(prev, fd) : createGroupAction(prev, fd)),
    (data) => {
      onOpenChange(false);
      toast(group ? t('updated') : t('created', { name: data.name }));
    },
  );

  const available = options.filter((o) => !assigned.some((a) => a.id === o.id));
  const toggle = (list: string[], set: (l: string[]) => void) => (id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const moveRight = () => {
    setAssigned([...assigned, ...available.filter((a) => left.includes(a.id))]);
    setLeft([]);
  };
  const moveLeft = () => {
    setAssigned(assigned.filter((a) => !right.includes(a.id)));
    setRight([]);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={group ? t('editTitle') : t('addTitle')} size="lg">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        {group && <input type="hidden" name="groupId" value={group.id} />}
        {assigned.map((a) => (
          <input key={a.id} type="hidden" name="agentIds[]" value={a.id} />
        ))}
        <TextField
          name="name"
          label={t('name')}
          help={t('nameHelp')}
          defaultValue={group?.name}
          required
          errors={fe?.name}
          maxLength={50}
          autoComplete="off"
        />
        <TextField
          type="search"
          label={t('search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={100}
          autoComplete="off"
        />
        <div className="flex items-center gap-2" aria-busy={loading}>
          <AgentList
            label={t('available')}
            agents={available}
            selected={left}
            onToggle={toggle(left, setLeft)}
            empty={t('noAvailable')}
          />
          <div className="flex flex-col gap-2 pt-6">
            <Button
              size="sm"
              variant="secondary"
              onClick={moveRight}
              disabled={left.length === 0}
              aria-label={t('moveRight')}
              title={t('moveRight')}
            >
              <ChevronRight className="size-4" aria-hidden />
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={moveLeft}
              disabled={right.length === 0}
              aria-label={t('moveLeft')}
              title={t('moveLeft')}
            >
              <ChevronLeft className="size-4" aria-hidden />
            </Button>
          </div>
          <AgentList
            label={t('assigned')}
            agents={assigned}
            selected={right}
            onToggle={toggle(right, setRight)}
            empty={t('noAssigned')}
          />
        </div>
        <p className="text-xs text-slate-500">{t('orderHelp')}</p>
        {fe?.agentIds?.map((e) => (
          <p key={e} role="alert" className="text-xs text-red-600">
            {e}
          </p>
        ))}
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? tc('saving') : tc('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
