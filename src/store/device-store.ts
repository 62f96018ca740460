/**
 * The device's flash: the one place the simulated terminal keeps state between boots. It answers
 * the menus (it is their DevicePort) and writes every change through to its medium at once, so a
 * power cut keeps exactly what the device had saved.
 */
import type { DevicePort, PasswordCheck, SmsCheck, SmsDelivery, SmsPurpose } from '../../menus/device-port.js';
import { formatFen, maskAccount, samePasswordFreeSettings, type PasswordFreeSettings, type SaleRecord } from '../../menus/domain.js';
import type { BackupResult, DeviceRecord, Operator, UnbindReason } from '../../menus/domain.js';
import { deviceDateTime } from '../device/device-time.js';
import { translator } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { memoryShelf, type BackupShelf } from './backup-shelf.js';
import { seedFlash, type FlashData, type OperationRecord } from './flash-data.js';
import type { FlashMedium } from './flash-medium.js';
import { SmsGateway, type PhoneMessage } from './sms-gateway.js';
import { hashPassword, verifyPassword } from './password-hash.js';

export type DeviceStoreOptions = {
  readonly profile: Profile;
  readonly medium: FlashMedium;
  /** The device clock in ms since the epoch. */
  readonly now: () => number;
  /** Where 数据备份 writes; kept in memory when absent. */
  readonly backups?: BackupShelf;
};

/** Records are written in the device language, as the device shows them. */
const RECORD_TEXT = translator('zh');

const onOff = (on: boolean) => RECORD_TEXT(on ? 'records.subject.on' : 'records.subject.off');

export class DeviceStore implements DevicePort {
  readonly profile: Profile;
  readonly now: () => number;
  private readonly medium: FlashMedium;
  private readonly backups: BackupShelf;
  /** The acquirer's texts and the merchant's phone: not in the flash. */
  private readonly sms: SmsGateway;
  private current: FlashData;

  constructor({ profile, medium, now, backups = memoryShelf() }: DeviceStoreOptions) {
    this.profile = profile;
    this.medium = medium;
    this.now = now;
    this.backups = backups;
    this.sms = new SmsGateway(profile.sms, now);
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
      this.setLockout(operatorId, { failedAttempts: 0 });
      return { result: 'accepted' };
    }
    const { maxAttempts, lockoutSeconds } = this.profile.security;
    const failedAttempts = (this.current.lockouts[operatorId]?.failedAttempts ?? 0) + 1;
    if (failedAttempts < maxAttempts) {
      this.setLockout(operatorId, { failedAttempts });
      return { result: 'wrong', attemptsLeft: maxAttempts - failedAttempts };
    }
    const until = this.now() + lockoutSeconds * 1000;
    this.setLockout(operatorId, { failedAttempts: 0, lockedUntil: until }, this.record(operatorId, 'lockout', RECORD_TEXT('records.subject.lockout', { count: maxAttempts })));
    return { result: 'locked', lockedUntil: until };
  }

  bindings() {
    return this.current.bindings;
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

  unbind(bindingId: string, operatorId: string, reason: UnbindReason): void {
    const binding = this.current.bindings.find((candidate) => candidate.id === bindingId);
    if (!binding) return;
    this.commit({
      ...this.current,
      bindings: this.current.bindings.filter((candidate) => candidate !== binding),
      records: [...this.current.records, this.record(operatorId, 'unbind', `${binding.name.zh} ${maskAccount(binding)} ${RECORD_TEXT('unbind.reason', { reason: RECORD_TEXT(`unbind.reason.${reason}`) })}`)],
    });
  }

  sendSmsCode(purpose: SmsPurpose): SmsDelivery {
    return this.sms.send(purpose);
  }

  checkSmsCode(code: string): SmsCheck {
    return this.sms.check(code);
  }

  /** The last text the merchant's phone received (the verification code), for the UI and scripts. */
  lastSms(): PhoneMessage | undefined {
    return this.sms.last();
  }

  /** Every text the merchant's phone received, oldest first (scripts type an earlier code). */
  smsMessages(): readonly PhoneMessage[] {
    return this.sms.messages();
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
    return verifyPassword(pin, this.profile.sale.cardPinHash);
  }

  recordSale(sale: SaleRecord, operatorId: string): void {
    const approved = sale.responseCode === '00';
    const channel = this.profile.passwordFree.channels.find((known) => known.id === sale.channel)?.label.zh;
    const subject = [
      `${formatFen(sale.amountFen)}元`,
      sale.method === 'contactless' || sale.method === 'chip'
        ? RECORD_TEXT(`sale.method.${sale.method}`)
        : `${RECORD_TEXT('sale.method.qr')}(${RECORD_TEXT(`sale.wallet.${sale.method}`)})`,
      ...(channel === undefined ? [] : [channel]),
      RECORD_TEXT(sale.passwordFree ? 'records.subject.passwordFree.sale' : 'records.subject.pin'),
      RECORD_TEXT(approved ? 'records.subject.approved' : 'records.subject.declined', { code: sale.responseCode }),
    ].join(' ');
    const { channel: channelId, ...rest } = sale;
    const record: OperationRecord = {
      ...this.record(operatorId, 'sale', subject),
      sale: { ...rest, ...(channelId === undefined ? {} : { channel: channelId }), approved },
    };
    this.commit({ ...this.current, records: [...this.current.records, record] });
  }

  operators(): readonly Operator[] {
    return this.profile.operators.map(({ id, role, name }) => ({ id, role, name }));
  }

  changePassword(operatorId: string, newPassword: string): void {
    const operator = this.profile.operators.find((candidate) => candidate.id === operatorId);
    if (!operator) return;
    this.commit({
      ...this.current,
      operators: { ...this.current.operators, [operatorId]: { passwordHash: hashPassword(newPassword) } },
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
