import { and, eq, sql } from 'drizzle-orm';
import { fields, piiDestructionLedger, ticketDataKeys, ticketFieldValues, tickets, type Field } from '@/db/schema';
import { listPiiDestructions } from '@/db/queries/pii-ledger';
import { destroyDueValues } from '@/lib/pii/destroy-due';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { scheduleDestructionOnClose } from '@/lib/pii/schedule-on-close';
import { writeFieldValues } from '@/lib/pii/write-field-values';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { makeTicket } from '../helpers/tickets';

const db = setupTestDb();
const DAY = 86400000;

async function field(serviceId: string, code: string, set: Partial<Field>) {
  const [f] = await db()
    .update(fields)
    .set({ updatedAt: new Date(), ...set })
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, code)))
    .returning();
  return f;
}

/** Every row of every table in the schema, as text, that contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const { rows } = await db().execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of rows) {
    const r = await db().execute(
      sql`SELECT 1 FROM ${sql.identifier(table_name)} t WHERE t::text LIKE ${`%${needle}%`} LIMIT 1`,
    );
    if (r.rows.length) hits.push(table_name);
  }
  return hits;
}

describe('PII field values', () => {
  it('stores an encrypted field only as ciphertext: the canary is in no table and no log', async () => {
    const s = await makeService(db());
    const phone = await field(s.id, 'phone', { encrypted: true });
    const name = await field(s.id, 'name', {});
    const t = await makeTicket(db(), s.id);
    const canary = `CANARY-${Date.now()}-010-9876-5432`;
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' '))),
    );
    await db().transaction((tx) =>
      writeFieldValues(tx, t, [
        { field: phone, value: canary },
        { field: name, value: '홍길동' },
      ]),
    );
    const shown = await readFieldValues(db(), s.id, t.id, { reveal: true });
    const masked = await readFieldValues(db(), s.id, t.id, { reveal: false });
    spies.forEach((sp) => sp.mockRestore());

    expect(shown.phone.value).toBe(canary);
    expect(masked.phone).toEqual({ value: '●●●●', masked: true, destroyed: false });
    expect(masked.name.value).toBe('홍길동');
    expect(await tablesContaining(canary)).toEqual([]);
    expect(await tablesContaining('홍길동')).toEqual(['ticket_field_values']);
    expect(logged.join('\n')).not.toContain(canary);
  });

  it('cannot be read through another service', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const phone = await field(s.id, 'phone', { encrypted: true });
    const t = await makeTicket(db(), s.id);
    await db().transaction((tx) => writeFieldValues(tx, t, [{ field: phone, value: '010-1111-2222' }]));
    expect(await readFieldValues(db(), other.id, t.id, { reveal: true })).toEqual({});
  });
});

describe('PII destruction', () => {
  it('destroys due values only, records them once in the ledger, and drops the data key when nothing encrypted is left', async () => {
    const s = await makeService(db());
    const phone = await field(s.id, 'phone', { encrypted: true, destroyAfterDays: 30, destroyBasis: 'created' });
    const mail = await field(s.id, 'mail', { destroyAfterDays: 30, destroyBasis: 'closed' });
    const name = await field(s.id, 'name', {});
    const old = await makeTicket(db(), s.id, { createdAt: new Date(Date.now() - 40 * DAY) });
    const fresh = await makeTicket(db(), s.id);
    await db().transaction(async (tx) => {
      await writeFieldValues(tx, old, [
        { field: phone, value: '010-1234-5678' },
        { field: mail, value: 'old@example.com' },
        { field: name, value: '김철수' },
      ]);
      await writeFieldValues(tx, fresh, [{ field: phone, value: '010-0000-0000' }]);
    });
    // A value with a "after close" rule waits for the close.
    const [mailRow] = await db()
      .select()
      .from(ticketFieldValues)
      .where(and(eq(ticketFieldValues.ticketId, old.id), eq(ticketFieldValues.fieldId, mail.id)));
    expect(mailRow.destroyAt).toBeNull();
    await db()
      .update(tickets)
      .set({ status: 'closed', closedAt: new Date(Date.now() - 31 * DAY) })
      .where(eq(tickets.id, old.id));
    await db().transaction((tx) => scheduleDestructionOnClose(tx, old.id));

    // Two workers racing: each value is destroyed and recorded exactly once.
    const counts = await Promise.all([destroyDueValues(db()), destroyDueValues(db())]);
    expect(counts[0] + counts[1]).toBe(2);
    const ledger = await db().select().from(piiDestructionLedger).where(eq(piiDestructionLedger.serviceId, s.id));
    expect(ledger.map((l) => l.fieldCode).sort()).toEqual(['mail', 'phone']);
    expect(ledger.find((l) => l.fieldCode === 'phone')).toMatchObject({
      ticketNumber: old.number,
      rule: { days: 30, basis: 'created' },
    });

    const after = await readFieldValues(db(), s.id, old.id, { reveal: true });
    expect(after.phone).toEqual({ value: null, masked: false, destroyed: true });
    expect(after.mail.destroyed).toBe(true);
    expect(after.name.value).toBe('김철수');
    expect(await db().select().from(ticketDataKeys).where(eq(ticketDataKeys.ticketId, old.id))).toHaveLength(0);
    expect((await readFieldValues(db(), s.id, fresh.id, { reveal: true })).phone.value).toBe('010-0000-0000');
    expect(await tablesContaining('010-1234-5678')).toEqual([]);
    expect(await destroyDueValues(db())).toBe(0);
    const listed = await listPiiDestructions(db(), { serviceId: s.id });
    expect(listed.map((l) => [l.ticketNumber, l.fieldCode]).sort()).toEqual([
      [old.number, 'mail'],
      [old.number, 'phone'],
    ]);
    expect(
      await listPiiDestructions(db(), { serviceId: s.id, before: { at: listed[1].cursor, id: listed[1].id } }),
    ).toHaveLength(0);
  });
});

describe('changing a field rule', () => {
  it('moves the due time of values already stored', async () => {
    const { updateField } = await import('@/lib/fields/update-field');
    const s = await makeService(db());
    const mail = await field(s.id, 'mail', {});
    const t = await makeTicket(db(), s.id, { createdAt: new Date(Date.now() - 10 * DAY) });
    await db().transaction((tx) => writeFieldValues(tx, t, [{ field: mail, value: 'a@example.com' }]));
    await updateField(
      { db: db(), service: s },
      {
        fieldId: mail.id,
        names: mail.names,
        descriptions: {},
        placeholders: {},
        visible: true,
        required: false,
        encrypted: false,
        destroyAfterDays: 5,
        destroyBasis: 'created',
        options: [],
        maxLength: 254,
        defaultValue: undefined,
      },
    );
    expect(await destroyDueValues(db())).toBe(1);
  });
});
