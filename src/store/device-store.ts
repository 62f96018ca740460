/**
 * The device's flash: the one place the simulated terminal keeps state between boots. It answers
 * the menus (it is their DevicePort, with the acquirer and the printer beside it) and writes every
 * change through to its medium at once, so a power cut keeps exactly what the device had saved.
 */
import type { SignIn, TerminalFacts } from '../../menus/acceptance.js';
import { merchantOf } from '../../menus/acceptance.js';
import type {
  DevicePort,
  PasswordCheck,
  PrintRequest,
  SmsCheck,
  SmsDelivery,
  SmsPurpose,
  TransactionOutcome,
  TransactionRefusal,
} from '../../menus/device-port.js';
import {
  formatFen,
  maskAccount,
  samePasswordFreeSettings,
  type BackupResult,
  type Binding,
  type DeviceRecord,
  type Operator,
  type PasswordFreeSettings,
  type PaymentMethod,
  type SaleRecord,
  type UnbindApplication,
  type UnbindReason,
} from '../../menus/domain.js';
import { batchEntries, batchTotals, sixDigits, type JournalEntry, type Settlement } from '../../menus/journal.js';
import { deviceDateTime } from '../device/device-time.js';
import { translator } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { Acquirer } from './acquirer.js';
import { memoryShelf, type BackupShelf } from './backup-shelf.js';
import { seedFlash, type FlashData, type OperationRecord } from './flash-data.js';
import type { FlashMedium } from './flash-medium.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { Printer, type PrintedHeader } from './printer.js';
import type { PhoneMessage } from './sms-gateway.js';
import type { PayerFacts } from '../../menus/acceptance.js';
import { isQrMethod } from '../../menus/acceptance.js';
import { WalletAccounts } from '../phone/wallet-accounts.js';

export type DeviceStoreOptions = {
  readonly profile: Profile;
  readonly medium: FlashMedium;
  /** The device clock in ms since the epoch. */
  readonly now: () => number;
  /** Where 数据备份 writes; kept in memory when absent. */
  readonly backups?: BackupShelf;
  /** The payer's wallets (not in the flash); fresh from the profile when absent. */
  readonly wallets?: WalletAccounts;
};

/** Records are written in the device language, as the device shows them. */
const RECORD_TEXT = translator('zh');

const onOff = (on: boolean) => RECORD_TEXT(on ? 'records.subject.on' : 'records.subject.off');

/** 12.34元 挥卡/闪付, 12.34元 扫码(微信): how a payment reads in a record. */
const paymentWords = (amountFen: number, method: PaymentMethod): string => {
  const how =
    method === 'contactless' || method === 'chip'
      ? RECORD_TEXT(`sale.method.${method}`)
      : `${RECORD_TEXT('sale.method.qr')}(${RECORD_TEXT(`sale.wallet.${method}`)})`;
  return `${formatFen(amountFen)}元 ${how}`;
};

const answerWords = (code: string) => RECORD_TEXT(code === '00' ? 'records.subject.approved' : 'records.subject.declined', { code });

export class DeviceStore implements DevicePort {
  readonly profile: Profile;
  readonly now: () => number;
  /** The acquirer's host, SMS service and card issuer: not in the flash. */
  readonly acquirer: Acquirer;
  /** The receipt printer and the paper it printed: not in the flash. */
  readonly printer = new Printer();
  /** The payer's wallet accounts, reached through the acquirer for QR payments: not in the flash. */
  readonly wallets: WalletAccounts;
  private readonly medium: FlashMedium;
  private readonly backups: BackupShelf;
  private current: FlashData;

  constructor({ profile, medium, now, backups = memoryShelf(), wallets }: DeviceStoreOptions) {
    this.profile = profile;
    this.medium = medium;
    this.now = now;
    this.backups = backups;
    this.acquirer = new Acquirer(profile, now);
    this.wallets = wallets ?? new WalletAccounts(profile, now);
    const stored = medium.read();
    this.current = stored ?? seedFlash(profile);
    if (!stored) medium.write(this.current);
  }

  /** Where the data lives, for messages. */
  get location(): string {
    return this.medium.location;
  }

  /** A copy of everything stored, for scripts, reports and tests. */
  snapshot(): FlashData {
    return structuredClone(this.current);
  }

  /**
   * Everything stored, as it is (no copy), for a check that only reads it: a walkthrough's `store:`
   * expectations and conditions read it at many steps, and copying it each time was costly.
   */
  stored(): Readonly<FlashData> {
    return this.current;
  }

  /** Back to the profile's factory state. */
  reset(): void {
    this.commit(seedFlash(this.profile));
  }

  isOnline(): boolean {
    return this.current.network === 'online';
  }

  setOnline(online: boolean): void {
    this.commit({ ...this.current, network: online ? 'online' : 'offline' });
  }

  lockedUntil(operatorId: string): number | undefined {
    const until = this.current.lockouts[operatorId]?.lockedUntil;
    return until !== undefined && until > this.now() ? until : undefined;
  }

  checkPassword(operatorId: string, password: string): PasswordCheck {
    const lockedUntil = this.lockedUntil(operatorId);
    if (lockedUntil !== undefined) return { result: 'locked', lockedUntil };
    const operator = this.current.operators[operatorId];
    if (operator && verifyPassword(password, operator.passwordHash)) {
      // A hash made at an older, lower cost is made again at today's, now that the password is known.
      const { hashStrength = 'stored' } = this.medium;
      const operators = needsRehash(operator.passwordHash, hashStrength)
        ? { ...this.current.operators, [operatorId]: { passwordHash: hashPassword(password, hashStrength) } }
        : this.current.operators;
      this.commit({ ...this.current, operators, lockouts: { ...this.current.lockouts, [operatorId]: { failedAttempts: 0 } } });
      return { result: 'accepted' };
    }
    const { maxAttempts, lockoutSeconds } = this.profile.security;
    const failedAttempts = (this.current.lockouts[operatorId]?.failedAttempts ?? 0) + 1;
    if (failedAttempts < maxAttempts) {
      this.setLockout(operatorId, { failedAttempts });
      return { result: 'wrong', attemptsLeft: maxAttempts - failedAttempts };
    }
    const until = this.now() + lockoutSeconds * 1000;
    this.setLockout(
      operatorId,
      { failedAttempts: 0, lockedUntil: until },
      this.record(operatorId, 'lockout', RECORD_TEXT('records.subject.lockout', { count: maxAttempts })),
    );
    return { result: 'locked', lockedUntil: until };
  }

  bindings(): readonly Binding[] {
    return this.current.bindings;
  }

  facts(): TerminalFacts {
    return { bindings: this.current.bindings, passwordFree: this.current.passwordFree.active, signedIn: this.current.day.signedIn };
  }

  deregister(bindingId: string, operatorId: string): void {
    const binding = this.current.bindings.find((candidate) => candidate.id === bindingId);
    if (!binding) return;
    this.commit({
      ...this.current,
      bindings: this.current.bindings.filter((candidate) => candidate !== binding),
      records: [...this.current.records, this.record(operatorId, 'deregister', `${binding.name.zh} ${binding.account}`)],
    });
  }

  unbind(bindingId: string, operatorId: string, reason: UnbindReason, reviewedAt: number): void {
    const binding = this.current.bindings.find((candidate) => candidate.id === bindingId);
    if (!binding) return;
    const why = RECORD_TEXT('unbind.reason', { reason: RECORD_TEXT(`unbind.reason.${reason}`) });
    const subject = `${binding.name.zh} ${maskAccount(binding)}`;
    const application = { subject, kind: binding.kind, reason, operator: operatorId, submittedAt: this.now(), reviewedAt };
    this.commit({
      ...this.current,
      bindings: this.current.bindings.filter((candidate) => candidate !== binding),
      records: [...this.current.records, this.record(operatorId, 'unbind', `${subject} ${why}`)],
      unbindApplications: [...this.current.unbindApplications, application],
    });
  }

  unbindApplications(): readonly UnbindApplication[] {
    return this.current.unbindApplications;
  }

  transferUnbindFunds(): void {
    const now = this.now();
    const due = (application: UnbindApplication) => application.transferredAt === undefined && application.reviewedAt <= now;
    const moved = this.current.unbindApplications.filter(due);
    if (moved.length === 0) return;
    this.commit({
      ...this.current,
      unbindApplications: this.current.unbindApplications.map((application) =>
        due(application) ? { ...application, transferredAt: now } : application,
      ),
      records: [
        ...this.current.records,
        ...moved.map((application) =>
          this.record('system', 'fundsTransferred', RECORD_TEXT('records.subject.fundsTransferred', { subject: application.subject })),
        ),
      ],
    });
  }

  reopenService(serviceId: string, operatorId: string): void {
    const service = this.profile.bindings.find((binding) => binding.id === serviceId && binding.kind === 'service');
    if (service) this.bind({ ...service, boundAt: deviceDateTime(this.now()).date }, operatorId);
  }

  bindAccount(kind: 'merchant' | 'settlementCard', account: string, operatorId: string): void {
    // Named as the profile names its own (商户账号, 结算卡), or as the device does.
    const known = this.profile.bindings.find((binding) => binding.kind === kind);
    const name = known?.name ?? { zh: RECORD_TEXT(`bindings.kind.${kind}`), en: translator('en')(`bindings.kind.${kind}`) };
    const id = known?.id ?? (kind === 'merchant' ? 'merchant' : 'settlement-card');
    this.bind({ id, kind, name, account, boundAt: deviceDateTime(this.now()).date }, operatorId);
  }

  private bind(binding: Binding, operatorId: string): void {
    // A terminal has one merchant account and one settlement card: a new one takes the old one's place.
    const replaced = (candidate: Binding) => candidate.id === binding.id || (binding.kind !== 'service' && candidate.kind === binding.kind);
    const kept = this.current.bindings.filter((candidate) => !replaced(candidate));
    // In its own place in 绑定管理's list (the profile's order), so 3 is 云闪付 again once it is opened again.
    const place = (candidate: Binding) => {
      const index = this.profile.bindings.findIndex((known) => known.id === candidate.id);
      return index >= 0 ? index : candidate.kind === 'merchant' ? -2 : candidate.kind === 'settlementCard' ? -1 : Infinity;
    };
    const at = kept.findIndex((candidate) => place(candidate) > place(binding));
    const added = structuredClone(binding) as FlashData['bindings'][number];
    this.commit({
      ...this.current,
      bindings: at < 0 ? [...kept, added] : [...kept.slice(0, at), added, ...kept.slice(at)],
      records: [...this.current.records, this.record(operatorId, 'bind', `${binding.name.zh} ${maskAccount(binding)}`)],
    });
  }

  sendSmsCode(purpose: SmsPurpose): SmsDelivery {
    return this.acquirer.sendSmsCode(purpose);
  }

  checkSmsCode(code: string): SmsCheck {
    return this.acquirer.checkSmsCode(code);
  }

  payerFacts(method: PaymentMethod): PayerFacts | undefined {
    return this.wallets.payerFacts(method);
  }

  askPayer(method: PaymentMethod, amountFen: number): void {
    this.wallets.ask(method, amountFen, this.profile.device.merchantName);
  }

  withdrawPayerRequest(): void {
    this.wallets.withdraw();
  }

  /** The last text the merchant's phone received (the verification code), for the UI and scripts. */
  lastSms(): PhoneMessage | undefined {
    return this.acquirer.messages().at(-1);
  }

  /** Every text the merchant's phone received, oldest first (scripts type an earlier code). */
  smsMessages(): readonly PhoneMessage[] {
    return this.acquirer.messages();
  }

  activePasswordFree(): PasswordFreeSettings {
    return this.current.passwordFree.active;
  }

  pendingPasswordFree(): PasswordFreeSettings | undefined {
    return this.current.passwordFree.pending;
  }

  savePasswordFree(settings: PasswordFreeSettings, operatorId: string): void {
    const { active } = this.current.passwordFree;
    this.commit({
      ...this.current,
      passwordFree: samePasswordFreeSettings(settings, active)
        ? { active }
        : { active, pending: { enabled: settings.enabled, channels: [...settings.channels] } },
      records: [...this.current.records, this.record(operatorId, 'savePasswordFree', this.describeSettings(settings))],
    });
  }

  applyPending(): boolean {
    const { pending } = this.current.passwordFree;
    if (!pending) return false;
    this.commit({
      ...this.current,
      passwordFree: { active: pending },
      records: [...this.current.records, this.record('system', 'applyPasswordFree', this.describeSettings(pending))],
    });
    return true;
  }

  checkCardPin(pin: string): boolean {
    return this.acquirer.checkCardPin(pin);
  }

  signedIn(): SignIn | undefined {
    return this.current.day.signedIn;
  }

  startDay(autoOperator: string | undefined): void {
    const { signedIn: _forgotten, ...day } = this.current.day;
    const signedIn = autoOperator === undefined ? undefined : { operator: autoOperator, at: new Date(this.now()).toISOString() };
    this.commit({ ...this.current, day: signedIn ? { ...day, signedIn } : day });
  }

  signIn(operatorId: string): void {
    this.commit({
      ...this.current,
      day: { ...this.current.day, signedIn: { operator: operatorId, at: new Date(this.now()).toISOString() } },
      records: [...this.current.records, this.record(operatorId, 'signIn', RECORD_TEXT('records.subject.signIn', { batch: this.batch() }))],
    });
  }

  signOut(operatorId: string): void {
    const { signedIn: _ended, ...day } = this.current.day;
    this.commit({
      ...this.current,
      day,
      records: [
        ...this.current.records,
        this.record(operatorId, 'signOut', RECORD_TEXT('records.subject.signOut', { batch: this.batch() })),
      ],
    });
  }

  batch(): string {
    return sixDigits(this.current.day.batch);
  }

  journal(): readonly JournalEntry[] {
    return this.current.journal;
  }

  settlements(): readonly Settlement[] {
    return this.current.settlements;
  }

  recordSale(sale: SaleRecord, operatorId: string): void {
    const approved = sale.responseCode === '00';
    const channel = this.profile.passwordFree.channels.find((known) => known.id === sale.channel)?.label.zh;
    const subject = [
      paymentWords(sale.amountFen, sale.method),
      ...(channel === undefined ? [] : [channel]),
      ...(approved || sale.responseCode === '75'
        ? [RECORD_TEXT(sale.passwordFree ? 'records.subject.passwordFree.sale' : 'records.subject.pin')]
        : []),
      answerWords(sale.responseCode),
    ].join(' ');
    const { channel: channelId, ...rest } = sale;
    const limit = sale.passwordFree ? this.current.passwordFree.active.channels.find((known) => known.id === channelId)?.limit : undefined;
    const entry = approved
      ? this.journalEntry({
          kind: 'sale',
          amountFen: sale.amountFen,
          method: sale.method,
          channel: channelId,
          passwordFree: sale.passwordFree,
          passwordFreeLimit: limit,
          operator: operatorId,
        })
      : undefined;
    const record: OperationRecord = {
      ...this.record(operatorId, 'sale', subject),
      sale: { ...rest, ...(channelId === undefined ? {} : { channel: channelId }), approved },
    };
    this.commit({ ...this.withEntry(entry), records: [...this.current.records, record] });
    // The payer's wallet tells its user the payment went through.
    if (approved && isQrMethod(sale.method))
      this.wallets.notePaid(sale.method, sale.amountFen, this.profile.device.merchantName, sale.passwordFree);
  }

  recordTransaction(outcome: TransactionOutcome, operatorId: string): void {
    const approved = outcome.responseCode === '00';
    const { original } = outcome;
    const entry = approved
      ? this.journalEntry({
          kind: outcome.kind,
          amountFen: outcome.amountFen,
          method: outcome.method,
          channel: original.channel,
          passwordFree: false,
          operator: operatorId,
          original: { trace: original.trace, reference: original.reference },
        })
      : undefined;
    const subject = [
      paymentWords(outcome.amountFen, outcome.method),
      RECORD_TEXT('records.subject.original', { trace: original.trace }),
      answerWords(outcome.responseCode),
    ].join(' ');
    const record: OperationRecord = {
      ...this.record(operatorId, outcome.kind, subject),
      transaction: {
        kind: outcome.kind,
        amountFen: outcome.amountFen,
        method: outcome.method,
        approved,
        responseCode: outcome.responseCode,
        ...(entry ? { trace: entry.trace } : {}),
        originalTrace: original.trace,
      },
    };
    this.commit({ ...this.withEntry(entry), records: [...this.current.records, record] });
  }

  recordRefusal(refusal: TransactionRefusal, operatorId: string): void {
    const subject = [
      refusal.asked,
      ...(refusal.amountFen === undefined ? [] : [`${formatFen(refusal.amountFen)}元`]),
      answerWords(refusal.responseCode),
    ].join(' ');
    const record: OperationRecord = {
      ...this.record(operatorId, refusal.kind, subject),
      transaction: {
        kind: refusal.kind,
        approved: false,
        responseCode: refusal.responseCode,
        asked: refusal.asked,
        ...(refusal.amountFen === undefined ? {} : { amountFen: refusal.amountFen }),
      },
    };
    this.commit({ ...this.current, records: [...this.current.records, record] });
  }

  settle(operatorId: string): Settlement {
    const batch = this.batch();
    const totals = batchTotals(batchEntries(this.current.journal, batch));
    const settlement: Settlement = { batch, at: new Date(this.now()).toISOString(), operator: operatorId, totals };
    const { day } = this.current;
    this.commit({
      ...this.current,
      day: { ...day, batch: (day.batch % 999_999) + 1 },
      settlements: [...this.current.settlements, structuredClone(settlement) as FlashData['settlements'][number]],
      records: [
        ...this.current.records,
        this.record(
          operatorId,
          'settle',
          RECORD_TEXT('records.subject.settle', {
            batch,
            count: totals.kinds.sale.count + totals.kinds.void.count + totals.kinds.refund.count,
            net: formatFen(totals.netFen),
          }),
        ),
      ],
    });
    return settlement;
  }

  hasPaper(): boolean {
    return this.printer.hasPaper();
  }

  print(request: PrintRequest): void {
    // The paper names who made the transaction or settled, also when it is printed again later.
    const header = (operator: string, merchantId = merchantOf(this.facts())?.account): PrintedHeader => ({
      merchantName: this.profile.device.merchantName,
      merchantId,
      acquirer: this.profile.sms.signature,
      terminalId: this.profile.device.terminalId,
      operator,
      at: this.now(),
      reprint: request.reprint === true,
    });
    if (request.kind === 'settlement') {
      const settlement = this.current.settlements.at(-1);
      if (settlement) this.printer.print({ ...header(settlement.operator), kind: 'settlement', settlement });
      return;
    }
    const entry =
      request.trace === undefined
        ? this.current.journal.at(-1)
        : this.current.journal.find((candidate) => candidate.trace === request.trace);
    if (!entry) return;
    const card = entry.method === 'contactless' || entry.method === 'chip' ? this.profile.sale.cardNumber : undefined;
    this.printer.print({ ...header(entry.operator, entry.merchantId), kind: 'transaction', entry, cardNumber: card });
  }

  operators(): readonly Operator[] {
    return this.profile.operators.map(({ id, role, name }) => ({ id, role, name }));
  }

  changePassword(operatorId: string, newPassword: string): void {
    const operator = this.profile.operators.find((candidate) => candidate.id === operatorId);
    if (!operator) return;
    this.commit({
      ...this.current,
      operators: {
        ...this.current.operators,
        [operatorId]: { passwordHash: hashPassword(newPassword, this.medium.hashStrength ?? 'stored') },
      },
      records: [...this.current.records, this.record(operatorId, 'changePassword', `${operatorId} ${operator.name.zh}`)],
    });
  }

  records(): readonly DeviceRecord[] {
    return this.current.records;
  }

  backup(operatorId: string): BackupResult {
    const at = this.now();
    const { date, time } = deviceDateTime(at);
    // default-2026-06-01_09-30-00: sorts by time, and no long run of digits that could read as a password.
    const stem = `${this.profile.name}-${date}_${time.replaceAll(':', '-')}`;
    const { device } = this.profile;
    // Everything an operator would want back after a 注销 or a reset, and no password hash.
    const backup = {
      kind: 'pos-sim-backup',
      format: 1,
      profile: this.profile.name,
      device: { brand: device.brand, model: device.model, merchantId: device.merchantId, terminalId: device.terminalId },
      backedUpAt: new Date(at).toISOString(),
      operator: operatorId,
      network: this.current.network,
      operators: this.operators(),
      bindings: this.current.bindings,
      passwordFree: this.current.passwordFree,
      records: this.current.records,
      journal: this.current.journal,
      settlements: this.current.settlements,
    };
    let path: string;
    try {
      path = this.backups.put(stem, `${JSON.stringify(backup, null, 2)}\n`);
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    this.commit({ ...this.current, records: [...this.current.records, this.record(operatorId, 'backup', path)] });
    return { ok: true, path };
  }

  /** A new journal entry for an approved transaction: the next 凭证号, the host's 参考号 and 授权码. */
  private journalEntry(
    fields: Pick<
      JournalEntry,
      'kind' | 'amountFen' | 'method' | 'channel' | 'passwordFree' | 'passwordFreeLimit' | 'operator' | 'original'
    >,
  ): JournalEntry {
    const trace = sixDigits(this.current.day.nextTrace);
    const at = this.now();
    const { reference, authCode } = this.acquirer.approve(trace);
    return {
      trace,
      batch: this.batch(),
      ...fields,
      reference,
      authCode,
      at: new Date(at).toISOString(),
      date: deviceDateTime(at).date,
      merchantId: merchantOf(this.facts())?.account,
    };
  }

  /** The flash with an entry added to the journal (and the next 凭证号 moved on), or as it is. */
  private withEntry(entry: JournalEntry | undefined): FlashData {
    if (!entry) return this.current;
    const { day } = this.current;
    // The flash keeps no undefined fields: they would not survive a write and a read.
    const stored = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as FlashData['journal'][number];
    return { ...this.current, day: { ...day, nextTrace: (day.nextTrace % 999_999) + 1 }, journal: [...this.current.journal, stored] };
  }

  /** 免密支付 关；云闪付 开 限额1000元；… — the settings as the 免密支付 screen names them. */
  private describeSettings(settings: PasswordFreeSettings): string {
    const channels = settings.channels.map((channel) =>
      RECORD_TEXT('records.subject.channel', {
        channel: this.profile.passwordFree.channels.find((known) => known.id === channel.id)?.label.zh ?? channel.id,
        state: onOff(channel.smallAmountEnabled),
        limit: channel.limit,
      }),
    );
    return [RECORD_TEXT('records.subject.passwordFree', { state: onOff(settings.enabled) }), ...channels].join('；');
  }

  private record(operator: string, action: OperationRecord['action'], subject: string): OperationRecord {
    return { at: new Date(this.now()).toISOString(), operator, action, subject };
  }

  private setLockout(operatorId: string, lockout: FlashData['lockouts'][string], record?: OperationRecord): void {
    this.commit({
      ...this.current,
      lockouts: { ...this.current.lockouts, [operatorId]: lockout },
      records: record ? [...this.current.records, record] : this.current.records,
    });
  }

  private commit(next: FlashData): void {
    this.current = next;
    this.medium.write(next);
  }
}
