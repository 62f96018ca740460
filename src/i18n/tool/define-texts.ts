/** A pair of catalogs for one part of the tool: the compiler refuses an en text missing for a zh key. */
export const defineTexts = <const Zh extends Record<string, string>>(zh: Zh, en: Record<keyof Zh, string>) => ({ zh, en });
