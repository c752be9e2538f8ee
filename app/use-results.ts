"use client";

import { useCallback, useState } from "react";

/** What every result card holds, whatever was read: the upload, whether it is on its way, and what came back. */
export type Card = { key: string; name: string; preview: string; pending: boolean; error?: string; file: Blob };

let counter = 0;

/**
 * The page's result cards, newest first: each upload shows at once as pending, then takes what `send`
 * answered (or an error when the server could not be reached); a card can be dismissed or sent again.
 */
export function useResults<T extends Card>(send: (file: Blob, name: string) => Promise<Partial<T>>, extra: () => Omit<T, keyof Card>) {
  const [results, setResults] = useState<T[]>([]);
  const [busy, setBusy] = useState(false);

  const add = useCallback(
    async (file: Blob, name: string) => {
      const key = `r${++counter}`;
      setResults((rs) => [{ key, name, preview: URL.createObjectURL(file), pending: true, file, ...extra() } as T, ...rs]);
      setBusy(true);
      let update: Partial<T>;
      try {
        update = await send(file, name);
      } catch {
        update = { error: "The server could not be reached. Check your connection and try again." } as Partial<T>;
      }
      setBusy(false);
      setResults((rs) => rs.map((r) => (r.key === key ? { ...r, ...update, pending: false } : r)));
    },
    [send, extra],
  );
  const dismiss = (key: string) => setResults((rs) => rs.filter((r) => r.key !== key));
  const retry = (r: T) => {
    dismiss(r.key);
    void add(r.file, r.name);
  };
  return { results, busy, add, dismiss, retry, clear: () => setResults([]) };
}
