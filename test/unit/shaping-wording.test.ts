import { describe, expect, it } from 'vitest';
import { analyzeFolder } from '../../src/main/engine';
import { eventsInRange, scopedTables } from '../../src/renderer/src/shaping/scope';
import { labelMatrix, uniqueLabels } from '../../src/renderer/src/shaping/wording';

describe('wording and scope shaping on the seeds', async () => {
  const analysis = await analyzeFolder('seeds');
  const { snapshot } = analysis;
  const outlets = snapshot.outlets.map((o) => o.name);
  const rows = labelMatrix(snapshot.comparison.tables, outlets);

  it('puts every referent label of an outlet in its cell, quoted words apart', () => {
    const westBank = rows.find((r) => r.referent.toLowerCase().includes('west bank'));
    const xinhua = westBank?.cells.find((c) => c.outlet === 'Xinhua');
    expect(xinhua?.chips.map((c) => c.label.toLowerCase())).toContain('occupied west bank');
    for (const cell of westBank?.cells ?? []) if (cell.outlet !== 'Xinhua') expect(cell.chips).toEqual([]);
    const ministry = rows.find((r) => r.referentId === 'gaza-moh');
    expect(ministry?.cells.find((c) => c.outlet === 'The Hill')?.chips.map((c) => c.label)).toContain('Hamas-run');
    const quoted = rows.flatMap((r) => r.cells.flatMap((c) => c.chips)).filter((c) => c.quoted);
    expect(quoted.length).toBeGreaterThan(0);
  });

  it('finds labels only one outlet uses', () => {
    expect(uniqueLabels(rows)).toContainEqual(expect.objectContaining({ outlet: 'Xinhua', label: expect.stringMatching(/occupied West Bank/i) as unknown }));
  });

  it('selects one event’s tables, or events in a date range', async () => {
    const events = snapshot.comparison.grouping.events;
    expect(events).toHaveLength(3);
    const may = events.find((e) => e.dates?.start === '2024-05-01');
    const filter = { eventId: may?.id ?? null, from: null, to: null };
    const waiting = scopedTables(snapshot, filter);
    expect(waiting).toMatchObject({ loading: true, tables: [] });
    const tables = await analysis.eventTables(may?.id ?? '');
    expect(tables?.length).toBeGreaterThan(0);
    const scoped = scopedTables(snapshot, filter, { eventId: may?.id ?? '', tables: tables ?? [] });
    expect(scoped.event?.outlets).toEqual(expect.arrayContaining(['BNN Breaking', 'The Jewish Chronicle']));
    expect(scoped.loading).toBe(false);
    expect(scoped.tables).toBe(tables);
    // Tables of another event are not shown for this one.
    expect(scopedTables(snapshot, filter, { eventId: 'other', tables: tables ?? [] }).loading).toBe(true);
    expect(await analysis.eventTables('no-such-event')).toBeNull();
    expect(eventsInRange(events, '2024-03-01', '2024-04-30').map((e) => e.dates?.start)).toEqual(['2024-03-21']);
    expect(scopedTables(snapshot, { eventId: null, from: null, to: null }).articleIds.size).toBe(5);
  });
});
