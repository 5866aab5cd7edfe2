import type { TemplateScope } from '@/db/values';

/** A processing type as the template screens list it: flattened tree order with its depth. */
export type TypeOption = { id: string; label: string; depth: number; path: string };

/** A template as the settings screens pass it to the client. */
export type TemplateRow = {
  id: string;
  serviceId: string;
  scope: TemplateScope;
  title: string;
  content: string;
  searchCode: string | null;
  useCount: number;
  createdAt: string;
  editable: boolean;
  links: { id: string; name: string }[];
};
