import type { CodeOption } from '@/lib/substitution/code-list';
import type { Operator, ValueType } from './types';

export type Option = { value: string; label: string };

/** Everything the trigger editor offers, loaded on the server for one service. */
export type EditorOptions = {
  serviceId: string;
  languages: string[];
  editorHtml: boolean;
  /** Field targets (`field:<code>`); the built-in ones are listed by the editor itself. */
  fieldTargets: { id: string; label: string; type: ValueType; values?: Option[] }[];
  operatorsByType: Record<ValueType, readonly Operator[]>;
  agents: Option[];
  groups: (Option & { agentIds: string[] })[];
  intakeTypes: Option[];
  processingTypes: Option[];
  codes: { basic: CodeOption[]; customer: CodeOption[] };
  /** Set by the editor from the trigger's conditions: it fires only on replies, so `#{content}` has a value. */
  replyContext?: boolean;
};
