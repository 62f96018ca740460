/**
 * The names `pos-sim run --reporter` takes, apart from the reporters themselves: the command line
 * checks them at every start, and the reporters (html's pictures with them) load only for `run`.
 */
export const REPORTERS = ['pretty', 'tap', 'junit', 'json', 'html'] as const;
export type ReporterName = (typeof REPORTERS)[number];
/** The reporters whose report is text as it comes (html draws its pictures at the end). */
export type TextReporterName = Exclude<ReporterName, 'html'>;
