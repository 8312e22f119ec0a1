/**
 * The staff session token, kept in localStorage so a reload keeps the user signed in.
 * A tiny external store: React reads it with useSyncExternalStore, the API client clears it on a 401.
 */
const TOKEN_KEY = 'repere.token';

type Listener = () => void;
const listeners = new Set<Listener>();
let memoryToken: string | null = null;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to memory only.
    return memoryToken;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function getSessionToken(): string | null {
  return readStorage();
}

export function setSessionToken(token: string): void {
  memoryToken = token;
  try {
    window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Kept in memory only.
  }
  notify();
}

export function clearSessionToken(): void {
  memoryToken = null;
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
  notify();
}

export function subscribeSessionToken(listener: Listener): () => void {
  listeners.add(listener);
  // Signing out in another tab signs out here too.
  const onStorage = (event: StorageEvent): void => {
    if (event.key === TOKEN_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
