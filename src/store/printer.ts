/**
 * The terminal's receipt printer: what it printed this session (the paper that came out), and
 * whether it has paper. A job keeps what it printed as it was then, so a receipt reads the same
 * however the device changes later. The paper is not in the flash: it is a roll in the printer.
 */
import type { LocalText } from '../../menus/domain.js';
import type { JournalEntry, Settlement } from '../../menus/journal.js';

/** Who the paper says the terminal belongs to, at the time it printed. */
export type PrintedHeader = {
  readonly merchantName: LocalText;
  /** 商户编号, or undefined when no merchant account is bound. */
  readonly merchantId: string | undefined;
  /** 收单行: the acquirer, as its texts sign (银联商务). */
  readonly acquirer: LocalText;
  readonly terminalId: string;
  /** 操作员号 of the operator who made the transaction or settled the batch. */
  readonly operator: string;
  /** When it printed, on the device clock. */
  readonly at: number;
  /** A copy printed again (重打印). */
  readonly reprint: boolean;
};

export type PrintJob =
  | (PrintedHeader & {
      readonly kind: 'transaction';
      readonly entry: JournalEntry;
      /** The card as the receipt shows it, when a card paid. */
      readonly cardNumber: string | undefined;
    })
  | (PrintedHeader & { readonly kind: 'settlement'; readonly settlement: Settlement });

/** Jobs kept for the panel and scripts; older paper is gone. */
const KEPT_JOBS = 50;

export class Printer {
  private paper = true;
  private readonly jobs: PrintJob[] = [];
  private count = 0;

  hasPaper(): boolean {
    return this.paper;
  }

  /** The trainer takes the paper out (打印机缺纸) or puts a roll back. */
  setPaper(paper: boolean): void {
    this.paper = paper;
  }

  /** Prints a job if there is paper; returns whether it printed. */
  print(job: PrintJob): boolean {
    if (!this.paper) return false;
    this.count += 1;
    this.jobs.push(job);
    if (this.jobs.length > KEPT_JOBS) this.jobs.shift();
    return true;
  }

  /** What was printed, oldest first. */
  printed(): readonly PrintJob[] {
    return [...this.jobs];
  }

  /** How many jobs it has printed, the ones no longer kept included: a new printout makes it grow. */
  printedCount(): number {
    return this.count;
  }
}
