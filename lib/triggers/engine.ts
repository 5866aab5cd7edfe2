import type { TicketPatch, TicketSnapshot, TriggerChange } from '@/lib/tickets/types';
import { RESULTS } from './results/index';
import type { ChangeView, CompiledTrigger, Effect, Env, ResultOutcome, TriggerLog } from './types';

export type EngineChange = Omit<ChangeView, 'after'> & { after: TicketSnapshot };
export type EngineOutput = { draft: TicketSnapshot; changes: TriggerChange[]; effects: Effect[]; log: TriggerLog[] };

/**
 * One pass of the triggers over one change (SPEC §6), pure and synchronous: top to bottom, each
 * trigger tested against the ticket as earlier triggers left it; a field-changing result applies
 * at once (so the last assignment wins); each trigger fires at most once; nothing a trigger
 * changes starts another pass. Effects carry the ticket as it stood when their trigger fired,
 * except those addressed by role (담당자, 그룹), which follow the ticket to the end of the pass.
 */
export function runTriggers(triggers: readonly CompiledTrigger[], change: EngineChange, env: Env): EngineOutput {
  let draft = change.after;
  const changes: TriggerChange[] = [];
  const effects: Effect[] = [];
  const log: TriggerLog[] = [];
  const view: ChangeView = { event: change.event, before: change.before, after: draft, now: change.now };
  const seen = new Set<string>();
  for (const trigger of triggers) {
    if (seen.has(trigger.id)) continue;
    seen.add(trigger.id);
    view.after = draft;
    if (!trigger.test(view)) {
      log.push({ triggerId: trigger.id, title: trigger.title, fired: false });
      continue;
    }
    const outcomes: ResultOutcome[] = [];
    trigger.results.forEach((settings, index) => {
      const mod = Object.prototype.hasOwnProperty.call(RESULTS, settings.type) ? RESULTS[settings.type] : undefined;
      if (!mod) {
        outcomes.push({ type: settings.type, outcome: 'skipped', reason: 'unknown_type' });
        return;
      }
      const applied = mod.apply(settings, { draft, env, triggerId: trigger.id, index });
      let outcome = applied.outcome;
      const made: { field: string; before: unknown; after: unknown }[] = [];
      if (applied.patch) {
        const next = { ...draft };
        let changed = false;
        for (const [k, v] of Object.entries(applied.patch) as [keyof TicketPatch, unknown][]) {
          if (draft[k] === v) continue;
          // Paths travel with their category; history shows the category.
          if (k !== 'intakeTypePath' && k !== 'processingTypePath') {
            changes.push({
              triggerId: trigger.id,
              triggerTitle: trigger.title,
              field: k,
              before: draft[k],
              after: v,
              note: applied.note,
            });
            made.push({ field: k, before: draft[k], after: v });
          }
          (next as Record<string, unknown>)[k] = v;
          changed = true;
        }
        if (changed) draft = next;
        else if (outcome === 'changed') outcome = 'unchanged';
      }
      const effect = applied.effect
        ? effects.push({
            index: effects.length,
            triggerId: trigger.id,
            triggerTitle: trigger.title,
            resultIndex: index,
            type: settings.type,
            settings,
            ticket: draft,
          }) - 1
        : undefined;
      outcomes.push({
        type: settings.type,
        outcome,
        ...(applied.reason ? { reason: applied.reason } : {}),
        ...(made.length ? { changes: made } : {}),
        ...(effect !== undefined ? { effect } : {}),
      });
    });
    log.push({ triggerId: trigger.id, title: trigger.title, fired: true, results: outcomes });
  }
  const final = draft;
  const addressed = effects.map((e) =>
    RESULTS[e.type]?.followsFinalTicket?.(e.settings as never) ? { ...e, ticket: final } : e,
  );
  return { draft, changes, effects: addressed, log };
}
