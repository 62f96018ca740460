// What the printer puts on paper: the 签购单 in two copies (商户存根, 持卡人存根) with every field a
// real one has, and either the 免密免签 note or the 持卡人签名 line; QR payments confirmed on the
// payer's phone; 撤销 and 退货 slips; the 结算单 with the batch totals; the 重打印凭证 mark; all on a
// 58 mm roll of 32 columns, in Chinese and in English.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, Settlement } from '../../menus/journal.js';
import { loadProfile, parseProfile, type Simulator } from '../../src/index.js';
import { PAPER_COLUMNS, printedLines, printedText } from '../../src/printer/receipt-text.js';
import type { PrintJob } from '../../src/store/printer.js';
import { completeSale, mainMenu, refund, simulators, voidSale, waitForHost } from '../support/working-day.js';

const start = simulators();

const SALE: JournalEntry = {
  trace: '000001',
  batch: '000001',
  kind: 'sale',
  amountFen: 1234,
  method: 'contactless',
  channel: 'unionpay',
  passwordFree: true,
  passwordFreeLimit: 1000,
  reference: '090003000001',
  authCode: '082188',
  at: '2026-06-01T01:00:03.100Z',
  date: '2026-06-01',
  operator: '01',
};

const header = {
  merchantName: { zh: '上海浦东便利店', en: 'Pudong Corner Shop' },
  merchantId: '898310058120134',
  acquirer: { zh: '银联商务', en: 'ChinaUMS' },
  terminalId: '10086021',
  operator: '01',
  at: Date.parse(SALE.at),
  reprint: false,
};

const slip = (entry: Partial<JournalEntry> = {}, job: Partial<PrintJob> = {}): PrintJob =>
  ({ ...header, kind: 'transaction', entry: { ...SALE, ...entry }, cardNumber: '6217000010005672', ...job }) as PrintJob;

/** One copy of a 签购单: the lines from its title to the last before the tear (or the end). */
const copies = (lines: readonly string[]): [string[], string[]] => {
  const tear = lines.findIndex((line) => line.startsWith('- - -'));
  expect(tear).toBeGreaterThan(0);
  return [lines.slice(0, tear - 1), lines.slice(tear + 2)];
};

describe('the 签购单 of a sale', () => {
  it('a 免密 tap: both copies carry every field, and 本交易免密免签 (交易金额未超过1000元) instead of a signature', () => {
    const lines = printedLines(slip(), 'zh');
    const [merchant, cardholder] = copies(lines);
    expect(merchant).toEqual([
      '           POS签购单',
      '     商户存根 MERCHANT COPY',
      '--------------------------------',
      '商户名称：上海浦东便利店',
      '商户编号：898310058120134',
      '终端编号：10086021 操作员号：01',
      '收单行：银联商务',
      '卡号：621700******5672 C 挥卡',
      '交易类型：消费',
      '批次号：000001 凭证号：000001',
      '授权码：082188',
      '参考号：090003000001',
      '日期/时间：2026/06/01 09:00:03',
      '金额：RMB 12.34',
      '备注：',
      '--------------------------------',
      '本交易免密免签',
      '交易金额未超过1000元，免密免签',
    ]);
    expect(cardholder).toEqual(merchant.map((line) => (line.includes('商户存根') ? '   持卡人存根 CARDHOLDER COPY' : line)));
    expect(lines.join('\n')).not.toContain('持卡人签名');
    expect(lines.join('\n')).not.toContain('6217000010005672');
    expect(printedText(slip(), 'zh')).toBe(lines.join('\n'));
  });

  it('with the PIN (插卡): I 插卡, and the 持卡人签名 line with room to sign and 本人确认以上交易', () => {
    const [merchant] = copies(
      printedLines(slip({ method: 'chip', channel: undefined, passwordFree: false, passwordFreeLimit: undefined }), 'zh'),
    );
    expect(merchant).toContain('卡号：621700******5672 I 插卡');
    const signature = merchant.indexOf('持卡人签名：');
    expect(signature).toBeGreaterThan(0);
    expect(merchant.slice(signature + 1, signature + 3)).toEqual(['', '']);
    expect(merchant.slice(signature + 3).join('')).toBe('本人确认以上交易，同意将其记入本卡账户');
    expect(merchant.join('\n')).not.toContain('免密免签');
  });

  it('a QR payment names the wallet, no card; 免密 says so, otherwise the payer confirmed on the phone (no signature)', () => {
    const wechat = { method: 'qr-wechat', channel: 'wechat', passwordFreeLimit: 500 } as const;
    const [free] = copies(printedLines(slip(wechat, { cardNumber: undefined }), 'zh'));
    expect(free).toContain('付款方式：微信 扫码');
    expect(free.join('\n')).not.toContain('卡号');
    expect(free.at(-1)).toBe('交易金额未超过500元，免密免签');
    const [withPassword] = copies(printedLines(slip({ ...wechat, passwordFree: false }, { cardNumber: undefined }), 'zh'));
    expect(withPassword.at(-1)).toBe('付款人已在手机上确认，无需签名');
    expect(withPassword.join('\n')).not.toContain('持卡人签名');
  });

  it('重打印: 重打印凭证 under the title of both copies', () => {
    const lines = printedLines(slip({}, { reprint: true }), 'zh');
    const [merchant, cardholder] = copies(lines);
    expect(merchant.slice(0, 3)).toEqual(['           POS签购单', '     商户存根 MERCHANT COPY', '       重打印凭证 REPRINT']);
    expect(cardholder[2]).toBe('       重打印凭证 REPRINT');
  });

  it('a terminal without a merchant account prints 商户编号：（未绑定）', () => {
    expect(printedLines(slip({}, { merchantId: undefined }), 'zh')).toContain('商户编号：（未绑定）');
  });
});

describe('撤销 and 退货 slips', () => {
  it('name their type and the original 凭证号, and print the amount given back as negative, with a signature line', () => {
    const undone = {
      trace: '000004',
      passwordFree: false,
      passwordFreeLimit: undefined,
      original: { trace: '000002', reference: '090004000002' },
    } as const;
    const voided = slip({ ...undone, kind: 'void', amountFen: 5000 });
    const [merchant] = copies(printedLines(voided, 'zh'));
    expect(merchant).toContain('交易类型：撤销');
    expect(merchant).toContain('批次号：000001 凭证号：000004');
    expect(merchant).toContain('原凭证号：000002');
    expect(merchant).toContain('金额：RMB -50.00');
    expect(merchant).toContain('持卡人签名：');
    const [refunded] = copies(printedLines(slip({ ...undone, kind: 'refund', amountFen: 200 }), 'zh'));
    expect(refunded).toContain('交易类型：退货');
    expect(refunded).toContain('金额：RMB -2.00');
  });
});

describe('the 结算单', () => {
  const settlement: Settlement = {
    batch: '000001',
    at: '2026-06-01T01:05:00.000Z',
    operator: '01',
    totals: {
      kinds: { sale: { count: 4, amountFen: 9034 }, void: { count: 1, amountFen: 5000 }, refund: { count: 1, amountFen: 200 } },
      netFen: 3834,
      groups: [
        { group: 'card', count: 3, amountFen: 3034 },
        { group: 'qr-wechat', count: 2, amountFen: 0 },
        { group: 'qr-alipay', count: 1, amountFen: 800 },
      ],
    },
  };

  it('prints the batch, counts and sums per type and per group (only groups used), the net, 对账平', () => {
    expect(printedLines({ ...header, kind: 'settlement', settlement }, 'zh')).toEqual([
      '             结算单',
      '--------------------------------',
      '商户名称：上海浦东便利店',
      '商户编号：898310058120134',
      '终端编号：10086021 操作员号：01',
      '批次号：000001',
      '日期/时间：2026/06/01 09:05:00',
      '--------------------------------',
      '类型          笔数          金额',
      '消费             4         90.34',
      '撤销             1         50.00',
      '退货             1          2.00',
      '--------------------------------',
      '银行卡           3         30.34',
      '微信             2          0.00',
      '支付宝           1          8.00',
      '--------------------------------',
      '净额                       38.34',
      '对账平',
    ]);
  });

  it('a negative net is printed with its sign', () => {
    const lines = printedLines(
      { ...header, kind: 'settlement', settlement: { ...settlement, totals: { ...settlement.totals, netFen: -1250 } } },
      'zh',
    );
    expect(lines).toContain(`净额${' '.repeat(22)}-12.50`);
  });
});

describe('on 32 columns of paper', () => {
  /** Every kind of paper the device prints: a slip of each way to pay, a 撤销, a 退货, a 结算单. */
  const everything = (profile = loadProfile('default')): readonly PrintJob[] => {
    const sim: Simulator = start({ fixture: profile });
    const sale = completeSale(sim, '1234', 'tap');
    completeSale(sim, '200000', 'chip');
    completeSale(sim, '5000', 'qr-wechat');
    completeSale(sim, '60000', 'qr-alipay');
    voidSale(sim, '3', '微信');
    sim.press('确认');
    refund(sim, sale, '200', '挥卡/闪付');
    sim.press('确认');
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    expect(sim.receipts()).toHaveLength(7);
    return [...sim.store.printer.printed(), ...sim.store.printer.printed().map((job) => ({ ...job, reprint: true }))];
  };
  const paper = (jobs: readonly PrintJob[], lang: 'zh' | 'en') => jobs.map((job) => printedLines(job, lang));

  const tooWide = (papers: readonly (readonly string[])[]) =>
    papers
      .flat()
      .filter((line) => stringWidth(line) > PAPER_COLUMNS)
      .map((line) => `${stringWidth(line)}: ${line}`);

  it.each(['zh', 'en'] as const)('no line of any slip or 结算单 is wider than the paper (%s)', (lang) => {
    expect(tooWide(paper(everything(), lang))).toEqual([]);
  });

  it('a merchant name longer than a line goes on to the next line, whole', () => {
    const profile = structuredClone(loadProfile('default')) as unknown as { device: { merchantName: { zh: string; en: string } } };
    profile.device.merchantName = {
      zh: '上海市浦东新区张江高科技园区便利店连锁第十二分店',
      en: 'Zhangjiang Hi-Tech Park Convenience Store Chain, Branch 12',
    };
    const long = parseProfile(JSON.stringify(profile), 'long-name.json');
    const jobs = everything(long);
    for (const lang of ['zh', 'en'] as const) {
      const papers = paper(jobs, lang);
      expect(tooWide(papers), lang).toEqual([]);
      const words = papers[0]?.join('').replaceAll(' ', '') ?? '';
      expect(words, lang).toContain(long.device.merchantName[lang].replaceAll(' ', ''));
    }
  });
});

it('speaks English', () => {
  const lines = printedLines(slip({}, { reprint: true }), 'en');
  const [merchant] = copies(lines);
  expect(merchant.slice(0, 4).map((line) => line.trim())).toEqual(['SALES SLIP', 'MERCHANT COPY', 'REPRINT', '-'.repeat(32)]);
  expect(merchant).toContain('Merchant: Pudong Corner Shop');
  expect(merchant).toContain('Merchant ID: 898310058120134');
  expect(merchant).toContain('Terminal: 10086021 Operator: 01');
  expect(merchant).toContain('Card: 621700******5672 C tap');
  expect(merchant).toContain('Type: Sale');
  expect(merchant).toContain('Amount: RMB 12.34');
  expect(merchant.join(' ')).toContain('Not over 1000 yuan: no PIN, no signature');
});
