'use client';

import { useTranslations } from 'next-intl';
import { control, GroupSelect, str, type ResultEditorProps } from './shared';

/** 문의유형 설정: one intake category. */
export function IntakeTypeEditor({ n, row, options, set }: ResultEditorProps) {
  const t = useTranslations('triggers');
  return (
    <select
      aria-label={t('results.categoryOf', { n })}
      className={control}
      value={str(row, 'categoryId')}
      onChange={(e) => set({ categoryId: e.target.value })}
    >
      <option value="">{t('choose')}</option>
      {options.intakeTypes.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** 그룹 설정: one group. */
export function SetGroupEditor(props: ResultEditorProps) {
  const t = useTranslations('triggers');
  return <GroupSelect {...props} label={t('results.groupOf', { n: props.n })} />;
}

/** 외부 전달 (and 외부 전달 후 티켓 완료): one e-mail address. */
export function ForwardEditor({ n, row, set }: ResultEditorProps) {
  const t = useTranslations('triggers');
  return (
    <input
      aria-label={t('results.forwardOf', { n })}
      type="email"
      placeholder="name@example.com"
      className={`${control} min-w-64`}
      value={str(row, 'to')}
      onChange={(e) => set({ to: e.target.value })}
    />
  );
}
