import type { TicketEvent, TicketSnapshot } from '@/lib/tickets/types';
import type { Value } from '../operators';
import type { ValueType } from '../types';

/** A condition target (대상): where its value comes from, its value type and, for enumerations, its values. */
export type Target = {
  id: string;
  type: ValueType;
  read: (ticket: TicketSnapshot, event: TicketEvent) => Value;
  /** The category path `is_within` looks at. */
  path?: (ticket: TicketSnapshot) => string | null;
  /** The allowed values of an enumeration. */
  values?: readonly string[];
};

/** A target reading one snapshot column. */
export function column<K extends keyof TicketSnapshot>(id: string, type: ValueType, key: K, values?: readonly string[]): Target {
  return { id, type, values, read: (t) => t[key] as Value };
}
