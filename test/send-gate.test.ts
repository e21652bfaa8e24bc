/**
 * The tenant's send window at the moment of sending (bot/delivery/send-gate.ts). Messages often
 * become ready together (their claims and look-ups answered by one bulk call of the store): each
 * must take its place in the window in the same step as the check that found it free, or all of
 * them see the same free places and Teams gets more than 50 sends of the tenant in a second.
 */
import { NoRoom, SendGate } from '../bot/delivery/send-gate';
import { TENANT_WINDOWS } from '../bot/delivery/pacing';
import { SendError } from '../bot/delivery/failed-sends';

describe('the tenant send gate', () => {
  it('gives 50 places in a second to 60 messages ready at the same moment, and tells the others how long to wait', async () => {
    let now = 1_000_000;
    const gate = new SendGate(TENANT_WINDOWS, () => now, () => false);
    // Time stands still (as for sends ready in one step): nobody keeps waiting.
    const rooms = await Promise.all(Array.from({ length: 60 }, () => gate.room('tenant-a', () => true)));
    const granted = rooms.filter((r) => r.slot);
    expect(granted).toHaveLength(50);
    expect(rooms.filter((r) => !r.slot).every((r) => (r.wait ?? 0) > 0)).toBe(true);
    // Another tenant has its own window.
    expect((await gate.room('tenant-b', () => true)).slot).toBeDefined();
    // Answers arrive 200 ms later: they count as sends made then, until a second has passed.
    now += 200;
    for (const r of granted) r.slot!();
    now += 900;
    expect((await gate.room('tenant-a', () => true)).slot).toBeUndefined();
    now += 101;
    expect((await gate.room('tenant-a', () => true)).slot).toBeDefined();
  });

  it('makes a request on the way to a message (opening a chat) wait for room too', async () => {
    const now = 0;
    const gate = new SendGate(TENANT_WINDOWS, () => now, () => false);
    const rooms = await Promise.all(Array.from({ length: 50 }, () => gate.room('tenant-a', () => true)));
    expect(rooms.every((r) => r.slot)).toBe(true);
    let opened = 0;
    await expect(gate.paced('tenant-a', () => true, async () => void opened++)).rejects.toBeInstanceOf(NoRoom);
    expect(opened).toBe(0);
  });

  it('counts a request from its start until its answer, however long it takes', async () => {
    let now = 0;
    const gate = new SendGate(TENANT_WINDOWS, () => now, () => false);
    let answer!: () => void;
    const slow = gate.paced('tenant-a', () => true, () => new Promise<void>((r) => (answer = r)));
    const others = await Promise.all(Array.from({ length: 49 }, () => gate.room('tenant-a', () => true)));
    expect(others.every((r) => r.slot)).toBe(true);
    for (const r of others) r.slot!();
    // Five seconds on, the 49 have left the window; the slow one still counts while under way.
    now += 5_000;
    const fifty = await Promise.all(Array.from({ length: 50 }, () => gate.room('tenant-a', () => true)));
    expect(fifty.filter((r) => r.slot)).toHaveLength(49);
    answer();
    await slow;
  });

  it('frees the place of a send Teams refused without posting it (a 429 naming no wait), not of one refused for a full window', async () => {
    const now = 5_000_000;
    const gate = new SendGate(TENANT_WINDOWS, () => now, () => false);
    const fill = async (n: number, answer: (i: number) => Promise<unknown>) => {
      const rooms = await Promise.all(Array.from({ length: n }, () => gate.room('tenant-a', () => true)));
      await Promise.all(rooms.map((r, i) => gate.send(r.slot!, () => answer(i)).catch(() => undefined)));
    };
    // 50 sends in the second, 10 of them shed by the service: 10 places are free again.
    await fill(50, async (i) => {
      if (i < 10) throw new SendError(429, 'shed');
    });
    const again = await Promise.all(Array.from({ length: 11 }, () => gate.room('tenant-a', () => true)));
    expect(again.filter((r) => r.slot)).toHaveLength(10);
    // A 429 that names a wait says the window is full at Teams' end: its place stays taken.
    const other = new SendGate(TENANT_WINDOWS, () => now, () => false);
    const rooms = await Promise.all(Array.from({ length: 50 }, () => other.room('tenant-b', () => true)));
    await Promise.all(rooms.map((r, i) => other.send(r.slot!, async () => { if (i < 10) throw new SendError(429, 'over', 1000); }).catch(() => undefined)));
    expect((await other.room('tenant-b', () => true)).slot).toBeUndefined();
  });
});
