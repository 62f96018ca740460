// The transaction journal in the flash: its pure helpers (finding a sale, what is left to refund,
// a batch's totals), and the numbers the store gives each approved transaction (凭证号 running on
// across batches, 批次号, 参考号, 授权码); the journal, the working day and closed batches kept through
// a restart, a power cut and on disk; data files written before the working day existed still load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batchEntries,
  batchTotals,
  findByTrace,
  findSaleByReference,
  isVoided,
  refundableFen,
  refundedFen,
  settlementGroup,
  sixDigits,
  type JournalEntry,
} from '../../menus/journal.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { BOOT_MS, confMedium, createSimulator, loadProfile, memoryMedium, StoreCorruptError } from '../../src/index.js';
import { seedFlash, type FlashData } from '../../src/store/flash-data.js';
import { completeSale, journal, mainMenu, refund, sell, simulators, voidSale, waitForHost } from '../support/working-day.js';

const start = simulators();
const profile = loadProfile('default');

const entry = (fields: Partial<JournalEntry> & Pick<JournalEntry, 'trace' | 'kind' | 'amountFen'>): JournalEntry => ({
  batch: '000001',
  method: 'contactless',
  passwordFree: false,
  reference: `090000${fields.trace}`,
  authCode: '123456',
  at: '2026-06-01T01:00:00.000Z',
  date: '2026-06-01',
  operator: '01',
  ...fields,
});

describe('journal helpers', () => {
  const sale1 = entry({ trace: '000001', kind: 'sale', amountFen: 1000 });
  const sale2 = entry({ trace: '000002', kind: 'sale', amountFen: 5000, method: 'qr-wechat' });
  const void2 = entry({
    trace: '000003',
    kind: 'void',
    amountFen: 5000,
    method: 'qr-wechat',
    original: { trace: '000002', reference: sale2.reference },
  });
  const refund1 = entry({ trace: '000004', kind: 'refund', amountFen: 300, original: { trace: '000001', reference: sale1.reference } });
  const nextBatch = entry({ trace: '000005', kind: 'sale', amountFen: 700, method: 'chip', batch: '000002', date: '2026-06-02' });
  const all = [sale1, sale2, void2, refund1, nextBatch];

  it('sixDigits pads and wraps as a terminal prints its numbers', () => {
    expect([sixDigits(1), sixDigits(42), sixDigits(999_999), sixDigits(1_000_000)]).toEqual(['000001', '000042', '999999', '000000']);
  });

  it('findByTrace: within one batch, with or without leading zeros', () => {
    expect(findByTrace(all, '000001', '2')).toBe(sale2);
    expect(findByTrace(all, '000001', '000002')).toBe(sale2);
    expect(findByTrace(all, '000001', '5')).toBeUndefined();
    expect(findByTrace(all, '000002', '5')).toBe(nextBatch);
  });

  it('findSaleByReference: a sale only, on the day given as MMDD, in any batch', () => {
    expect(findSaleByReference(all, sale1.reference, '0601')).toBe(sale1);
    expect(findSaleByReference(all, sale1.reference, '0602')).toBeUndefined();
    expect(findSaleByReference(all, nextBatch.reference, '0602')).toBe(nextBatch);
    expect(findSaleByReference(all, void2.reference, '0601')).toBeUndefined();
  });

  it('what is voided, refunded, and left to refund', () => {
    expect(isVoided(all, sale2)).toBe(true);
    expect(isVoided(all, sale1)).toBe(false);
    expect(refundedFen(all, sale1)).toBe(300);
    expect(refundableFen(all, sale1)).toBe(700);
    expect(refundableFen(all, sale2)).toBe(0);
    expect(refundableFen([...all, { ...refund1, trace: '000006', amountFen: 700 }], sale1)).toBe(0);
  });

  it('a batch’s totals: by kind, net of 撤销 and 退货, and by group (bank cards together)', () => {
    expect(batchEntries(all, '000001')).toEqual([sale1, sale2, void2, refund1]);
    expect(batchTotals(batchEntries(all, '000001'))).toEqual({
      kinds: { sale: { count: 2, amountFen: 6000 }, void: { count: 1, amountFen: 5000 }, refund: { count: 1, amountFen: 300 } },
      netFen: 700,
      groups: [
        { group: 'card', count: 2, amountFen: 700 },
        { group: 'qr-wechat', count: 2, amountFen: 0 },
      ],
    });
    expect(batchTotals([])).toEqual({
      kinds: { sale: { count: 0, amountFen: 0 }, void: { count: 0, amountFen: 0 }, refund: { count: 0, amountFen: 0 } },
      netFen: 0,
      groups: [],
    });
    expect(
      ['contactless', 'chip', 'qr-unionpay', 'qr-wechat', 'qr-alipay'].map((method) => settlementGroup(method as JournalEntry['method'])),
    ).toEqual(['card', 'card', 'qr-unionpay', 'qr-wechat', 'qr-alipay']);
  });
});

describe('the numbers of an approved transaction', () => {
  it('凭证号 from 000001, 批次号 of the day, 参考号 = device time HHmmss + 凭证号, a 6-digit 授权码, the device date and the operator', () => {
    const sim = start();
    const sale = completeSale(sim, '1234', 'tap');
    expect(sale).toEqual({
      trace: '000001',
      batch: '000001',
      kind: 'sale',
      amountFen: 1234,
      method: 'contactless',
      channel: 'unionpay',
      passwordFree: true,
      passwordFreeLimit: 1000,
      reference: '090003000001',
      authCode: expect.stringMatching(/^\d{6}$/),
      at: '2026-06-01T01:00:03.100Z',
      date: '2026-06-01',
      operator: '01',
      merchantId: '898310058120134',
    });
    // The same sale on another device at the same moment gets the same numbers: runs are reproducible.
    expect(completeSale(start(), '1234', 'tap')).toEqual(sale);
  });

  it('only approved transactions take a 凭证号: declined ([75]) and refused ([58]) sales take none', () => {
    const sim = start();
    completeSale(sim, '100', 'tap');
    sim.press('确认');
    sim.type('100');
    sim.press('确认', '2');
    for (let tries = 0; tries < 3; tries++) {
      sim.type('975319');
      sim.press('确认');
      waitForHost(sim);
    }
    sim.press('确认');
    sim.store.deregister('unionpay-qr', '00');
    expect(sell(sim, '100', 'qr-unionpay')).toBeUndefined();
    sim.press('确认');
    const next = completeSale(sim, '100', 'chip');
    expect(next.trace).toBe('000002');
    expect(journal(sim).map((each) => each.trace)).toEqual(['000001', '000002']);
    expect(sim.store.snapshot().day.nextTrace).toBe(3);
  });

  it('撤销 and 退货 take the next 凭证号 and point at the sale; numbers run on across batches', () => {
    const sim = start();
    const sale = completeSale(sim, '5000', 'tap');
    voidSale(sim, '1', '挥卡/闪付');
    sim.press('确认');
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    sim.press('确认');
    const second = completeSale(sim, '800', 'chip');
    refund(sim, second, '800', '插卡');
    sim.press('确认');
    expect(journal(sim).map((each) => [each.trace, each.batch, each.kind, each.original?.trace])).toEqual([
      ['000001', '000001', 'sale', undefined],
      ['000002', '000001', 'void', '000001'],
      ['000003', '000002', 'sale', undefined],
      ['000004', '000002', 'refund', '000003'],
    ]);
    expect(journal(sim)[1]?.original).toEqual({ trace: '000001', reference: sale.reference });
    expect(journal(sim)[1]).not.toHaveProperty('passwordFreeLimit');
  });

  it('凭证号 999999 is followed by 000001, and 结算 of batch 999999 opens batch 000001', () => {
    const flash: FlashData = { ...seedFlash(profile), day: { batch: 999_999, nextTrace: 999_999 } };
    const sim = start({ medium: memoryMedium(flash) });
    expect(completeSale(sim, '100', 'tap')).toMatchObject({
      trace: '999999',
      batch: '999999',
      reference: expect.stringMatching(/999999$/),
    });
    expect(completeSale(sim, '100', 'tap')).toMatchObject({ trace: '000001' });
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    expect(sim.session.matchText()).toContain('新批次号 000001');
    expect(sim.store.snapshot().day.batch).toBe(1);
  });
});

describe('kept in the flash', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-sim-journal-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const file = () => join(dir, 'default.json');

  it('journal, batch, next 凭证号 and closed batches survive stopping and starting again from disk, exactly', () => {
    const first = createSimulator({ medium: confMedium(dir, 'default') });
    completeSale(first, '1234', 'tap');
    voidSale(first, '1', '挥卡/闪付');
    first.press('确认');
    mainMenu(first, '管理', '结算');
    first.press('确认');
    waitForHost(first);
    first.press('确认');
    completeSale(first, '500', 'qr-alipay');
    const written = first.store.snapshot();
    first.stop();

    // What is on disk is what the device holds: no field lost in writing (undefined ones never written).
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(written);
    const second = createSimulator({ medium: confMedium(dir, 'default') });
    try {
      const read = second.store.snapshot();
      expect(read.journal).toEqual(written.journal);
      expect(read.settlements).toEqual(written.settlements);
      expect(read.day).toEqual({ ...written.day, signedIn: expect.objectContaining({ operator: '01' }) });
      expect(read.day.batch).toBe(2);
      expect(read.day.nextTrace).toBe(4);
      expect(completeSale(second, '100', 'tap')).toMatchObject({ trace: '000004', batch: '000002' });
    } finally {
      second.stop();
    }
  });

  it('a power cut while the host is asked leaves the journal as it was; the sale can be voided after the boot', () => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    const before = sim.store.snapshot();
    mainMenu(sim, '撤销');
    sim.type('123456');
    sim.press('确认');
    sim.type('1');
    sim.press('确认', '确认', '1');
    sim.powerCut();
    sim.advance(BOOT_MS + 5_000);
    expect(sim.store.snapshot().journal).toEqual(before.journal);
    expect(sim.store.snapshot().records).toEqual(before.records);
    voidSale(sim, '1', '挥卡/闪付');
    expect(sim.title()).toBe('撤销成功');
  });

  it('a data file written before the working day existed (no day, journal or settlements) loads and starts a first day', () => {
    const { day: _day, journal: _journal, settlements: _settlements, ...old } = seedFlash(profile);
    const oldBindings = old.bindings.map(({ methods: _methods, ...binding }) => binding);
    const oldRecord = {
      at: '2026-05-30T02:00:00.000Z',
      operator: '01',
      action: 'sale',
      subject: '1.00元 挥卡/闪付 银联闪付 免密免签 [00]交易成功',
      sale: { amountFen: 100, method: 'contactless', channel: 'unionpay', approved: true, responseCode: '00', passwordFree: true },
    };
    writeFileSync(file(), JSON.stringify({ ...old, bindings: oldBindings, records: [oldRecord] }, null, 2));

    const sim = createSimulator({ medium: confMedium(dir, 'default') });
    try {
      const loaded = sim.store.snapshot();
      expect(loaded.day).toEqual({ batch: 1, nextTrace: 1, signedIn: expect.objectContaining({ operator: '01' }) });
      expect(loaded.journal).toEqual([]);
      expect(loaded.settlements).toEqual([]);
      expect(loaded.records).toEqual([oldRecord]);
      // The services' methods come from the profile: a closed one is still refused, an open one accepted.
      expect(completeSale(sim, '100', 'qr-unionpay').trace).toBe('000001');
      const stored = JSON.parse(readFileSync(file(), 'utf8')) as FlashData;
      expect(stored.day).toMatchObject({ batch: 1, nextTrace: 2 });
      expect(stored.journal).toHaveLength(1);
    } finally {
      sim.stop();
    }
  });

  describe('a damaged journal', () => {
    beforeEach(() => setToolLang('en'));
    afterEach(() => setToolLang('zh'));

    it('is reported naming the file and the field, and left as it is', () => {
      const sim = start();
      completeSale(sim, '1234', 'tap');
      const flash = sim.store.snapshot();
      const text = JSON.stringify({ ...flash, journal: [{ ...flash.journal[0], trace: '1' }], day: { ...flash.day, batch: 0 } });
      writeFileSync(file(), text);
      let caught: unknown;
      try {
        createSimulator({ medium: confMedium(dir, 'default') }).stop();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StoreCorruptError);
      expect((caught as Error).message).toContain(file());
      expect((caught as Error).message).toContain('journal[0].trace: Invalid string');
      expect((caught as Error).message).toContain('day.batch');
      expect(readFileSync(file(), 'utf8')).toBe(text);
    });
  });
});

it('数据备份 keeps the journal and the closed batches', () => {
  const sim = start();
  completeSale(sim, '1234', 'tap');
  mainMenu(sim, '管理', '结算');
  sim.press('确认');
  waitForHost(sim);
  sim.press('确认', '菜单');
  sim.type('123456');
  sim.press('确认');
  sim.select('数据备份');
  sim.press('确认');
  const backup = JSON.parse(sim.backups().at(-1)?.text ?? '{}') as { journal: unknown; settlements: unknown };
  expect(backup.journal).toEqual(sim.store.snapshot().journal);
  expect(backup.settlements).toEqual(sim.store.snapshot().settlements);
});
