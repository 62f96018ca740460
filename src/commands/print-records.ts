/**
 * `pos-sim records`: the device's operation records (操作记录), newest first, as a table or JSON.
 * It only reads the device data file: it neither starts the device nor takes its lock, so it can
 * run beside an open device (the store writes atomically, so a read never sees half a file).
 */
import stringWidth from 'string-width';
import { deviceDateTime } from '../device/device-time.js';
import { translator, type Lang } from '../i18n/messages.js';
import { padEnd } from '../text-width.js';
import type { Profile } from '../profile/profile-schema.js';
import { recordKindLabel, recordOperatorLabel } from '../screen/records-view.js';
import { shownPath } from '../shown-path.js';
import { deviceFile } from '../store/data-dir.js';
import type { OperationRecord } from '../store/flash-data.js';
import { confMedium } from '../store/flash-medium.js';
import { deviceCommand } from '../store/reset-command.js';

export type PrintRecordsOptions = {
  readonly profile: Profile;
  /** The profile as given on the command line, for the reset command a damaged file's message gives. */
  readonly fixture?: string | undefined;
  readonly dataDir: string;
  readonly json: boolean;
  readonly lang: Lang;
};

/** What the command prints: the table or JSON on stdout, notes for people on stderr. */
export type PrintedRecords = { readonly stdout: readonly string[]; readonly stderr: readonly string[] };

/** Rows of cells as aligned columns (Chinese characters take two columns); the last column is not padded. */
const table = (rows: readonly (readonly string[])[]): string[] => {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => stringWidth(row[column] ?? '')))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : padEnd(cell, widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

const asJson = (record: OperationRecord) => {
  const { date, time } = deviceDateTime(record.at);
  return { ...record, deviceTime: `${date} ${time}` };
};

export const printRecords = ({ profile, fixture = profile.name, dataDir, json, lang }: PrintRecordsOptions): PrintedRecords => {
  const file = deviceFile(dataDir, profile.name);
  const data = confMedium(dataDir, profile.name, { fixture }).read();
  const records = [...(data?.records ?? [])].reverse();
  const where = shownPath(file);
  // The notes follow --lang, like the table: `lang` is the language of everything this command prints.
  const t = translator(lang);
  // The device is named as it was given here (a profile file by its path), and its data folder.
  const command = deviceCommand([], fixture, dataDir);
  const noData = t('recordsCli.noData', { name: profile.name, where, command });
  if (json) {
    const document = { profile: profile.name, file: where, hasData: data !== undefined, records: records.map(asJson) };
    return { stdout: [JSON.stringify(document, null, 2)], stderr: data ? [] : [noData] };
  }
  if (!data) return { stdout: [noData], stderr: [] };
  if (records.length === 0) return { stdout: [t('recordsCli.none', { name: profile.name, where })], stderr: [] };
  const view = { t, profile, lang };
  const rows = records.map((record) => {
    const { date, time } = deviceDateTime(record.at);
    return [`${date} ${time}`, recordOperatorLabel(record.operator, view), recordKindLabel(record.action, view), record.subject];
  });
  const header = [t('records.column.time'), t('records.column.operator'), t('records.column.action'), t('records.column.subject')];
  return {
    stdout: [
      t(records.length === 1 ? 'recordsCli.headingOne' : 'recordsCli.heading', { count: records.length, name: profile.name, where }),
      '',
      ...table([header, ...rows]),
    ],
    stderr: [],
  };
};
