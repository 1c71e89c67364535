import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Identifier } from 'react-admin';

export interface RevealedSecret {
  secret: string;
  recordId: Identifier;
  /** What the secret belongs to, as the user knows it (the strategy name). */
  label: string;
}

/** Holds the one secret waiting to be shown, until the user dismisses it; then it is gone for good. */
export interface SecretStore {
  reveal(secret: RevealedSecret): void;
  dismiss(): void;
  current(): RevealedSecret | null;
  subscribe(listener: () => void): () => void;
}

export function createSecretStore(): SecretStore {
  let revealed: RevealedSecret | null = null;
  const listeners = new Set<() => void>();
  const set = (next: RevealedSecret | null) => {
    revealed = next;
    listeners.forEach((listener) => listener());
  };
  return {
    reveal: set,
    dismiss: () => set(null),
    current: () => revealed,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const SecretStoreContext = createContext<SecretStore | null>(null);

export function useRevealedSecret(): { revealed: RevealedSecret | null; dismiss: () => void } {
  const store = useContext(SecretStoreContext);
  if (!store) throw new Error('useRevealedSecret needs a SecretStoreContext');
  const revealed = useSyncExternalStore(store.subscribe, store.current);
  return { revealed, dismiss: store.dismiss };
}
