import { eq } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import {
  createTriggerAction,
  deleteTriggerAction,
  reorderTriggersAction,
  setTriggerActiveAction,
  updateTriggerAction,
} from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { deleteGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { always, triggerDesk } from '../helpers/trigger-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { setup } = triggerDesk(db);

describe('bad input', () => {
  it('refuses rows that do not fit, unknown or empty results, bad addresses and URLs, unknown codes — writing nothing', async () => {
    const s = await setup();
    const other = await makeService(db());
    const g = await makeGroup(db(), s.id, 'G');
    const foreign = await makeGroup(db(), other.id, 'F');
    const base = { serviceId: s.id, title: 't', conditions: [always] };
    const cases: [unknown, RegExp | string][] = [
      [
        {
          ...base,
          conditions: [{ mode: 'all', target: 'status', operator: 'contains', value: 'x' }],
          results: [{ type: 'set_group', groupId: g.id }],
        },
        'conditions.0',
      ],
      [
        {
          ...base,
          conditions: [{ mode: 'all', target: 'priority', operator: 'is', value: 'huge' }],
          results: [{ type: 'set_group', groupId: g.id }],
        },
        'conditions.0',
      ],
      [{ ...base, conditions: [], results: [{ type: 'set_group', groupId: g.id }] }, 'conditions'],
      [{ ...base, results: [] }, 'results'],
      [{ ...base, results: [{ type: 'teleport' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'forward', to: 'a@b.com\r\nBcc: c@d.com' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'forward', to: 'not-an-address' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'javascript:alert(1)' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'https://u:p@example.com/' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'https://192.168.0.10/' }] }, 'results.0'],
      [
        { ...base, results: [{ type: 'dooray', url: 'https://hook.dooray.com/x', botName: 'b', text: '#{nope}' }] },
        'results.0',
      ],
      [
        {
          ...base,
          results: [
            { type: 'notify_mail', to: 'assignee', messages: { ko: { subject: '#{subject}', body: '#{nope2}' } } },
          ],
        },
        'results.0',
      ],
      [{ ...base, results: [{ type: 'set_group', groupId: foreign.id }] }, 'form'],
    ];
    for (const [input, field] of cases) {
      const r = await createTriggerAction(null, input as never);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      if (field === 'form') expect(r.error).toBeTruthy();
      else expect(Object.keys(r.fieldErrors ?? {})).toContain(field);
    }
    expect(await db().select().from(triggers).where(eq(triggers.serviceId, s.id))).toHaveLength(0);
  });

  it('refuses a reorder naming another service’s trigger, and deleting an active trigger', async () => {
    const s = await setup();
    const g = await makeGroup(db(), s.id, 'G');
    const mine = await createTriggerAction(null, {
      serviceId: s.id,
      title: 'mine',
      conditions: [always],
      results: [{ type: 'set_group', groupId: g.id }],
    });
    const other = await setup();
    const g2 = await makeGroup(db(), other.id, 'G');
    const theirs = await createTriggerAction(null, {
      serviceId: other.id,
      title: 'theirs',
      conditions: [always],
      results: [{ type: 'set_group', groupId: g2.id }],
    });
    if (!mine.ok || !theirs.ok) throw new Error('create failed');
    const r = await reorderTriggersAction(null, { serviceId: other.id, ids: [mine.data.id, theirs.data.id] });
    expect(r.ok).toBe(false);
    const del = await deleteTriggerAction(null, { serviceId: other.id, triggerId: theirs.data.id });
    expect(del).toMatchObject({ ok: false, error: expect.stringContaining('theirs') });
    expect(await deleteTriggerAction(null, { serviceId: other.id, triggerId: mine.data.id })).toMatchObject({
      ok: false,
    });
    expect(
      await updateTriggerAction(null, {
        serviceId: other.id,
        triggerId: mine.data.id,
        title: 'x',
        conditions: [always],
        results: [{ type: 'set_group', groupId: g2.id }],
      }),
    ).toMatchObject({ ok: false });
    await setTriggerActiveAction(null, { serviceId: other.id, triggerId: theirs.data.id, active: false });
    expect((await deleteTriggerAction(null, { serviceId: other.id, triggerId: theirs.data.id })).ok).toBe(true);
  });

  it('blocks deleting a group a trigger names', async () => {
    const s = await setup();
    const g = await makeGroup(db(), s.id, '결제');
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'VIP 배정',
      conditions: [{ mode: 'all', target: 'group', operator: 'is_not', value: g.id }],
      results: [{ type: 'callback', url: 'https://example.com/x' }],
    });
    const r = await deleteGroupAction(null, { serviceId: s.id, groupId: g.id });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('VIP 배정') });
  });
});
