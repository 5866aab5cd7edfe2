import Form from 'next/form';
import type { CategoryNode } from '@/lib/categories/tree-build';
import { Button } from '@/components/ui/button';

function Branch({ nodes, chosen }: { nodes: CategoryNode[]; chosen: string | null }) {
  return (
    <ul className="space-y-1">
      {nodes.map((n) => (
        <li key={n.id}>
          <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
            <input
              type="radio"
              name="type"
              value={n.id}
              defaultChecked={n.id === chosen}
              required
              className="accent-brand-600"
            />
            {n.label}
          </label>
          {n.children.length > 0 && (
            <div className="ml-6 border-l border-slate-200 pl-2">
              <Branch nodes={n.children} chosen={chosen} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The intake-type tree as a GET form to `?type=<id>`, which shows that type's layout: a full
 * page load without JavaScript, a client-side navigation (no reload) with it (next/form).
 */
export function TypePicker({
  action,
  tree,
  chosen,
  legend,
  submit,
}: {
  action: string;
  tree: CategoryNode[];
  chosen: string | null;
  legend: string;
  submit: string;
}) {
  return (
    <Form action={action} className="space-y-3">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {legend}
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        </legend>
        <Branch nodes={tree} chosen={chosen} />
      </fieldset>
      <Button type="submit" variant="secondary" size="sm">
        {submit}
      </Button>
    </Form>
  );
}
