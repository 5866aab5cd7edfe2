import Link from 'next/link';
import { cn } from './cn';

/** Tabs that are links (each tab its own URL), so a tab can be bookmarked and reloaded. */
export function LinkTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: { href: string; label: string; id: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-4 py-2 text-sm',
            t.id === current
              ? 'border-brand-600 font-medium text-brand-700'
              : 'border-transparent text-slate-600 hover:text-slate-900',
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
