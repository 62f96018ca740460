/** signal-exit 3 (Ink's), which ships no types. */
declare module 'signal-exit' {
  export default function onExit(
    callback: (code: number | null, signal: NodeJS.Signals | null) => void,
    options?: { readonly alwaysLast?: boolean },
  ): () => void;
}
