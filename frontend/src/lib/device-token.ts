/**
 * The sign-in device tokens this browser holds, one per account (by email): the API returns one with each sign-in
 * and, sent back with the next, keeps this browser's attempts apart from strangers' failed guesses, so they cannot
 * lock the owner out (backend auth/login-throttle.ts). Kept past sign-out on purpose.
 */
const DEVICE_KEY = 'repere.devices';

function readAll(): Record<string, string> {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(DEVICE_KEY) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const accountOf = (email: string): string => email.trim().toLowerCase();

export function getDeviceToken(email: string): string | undefined {
  const token = readAll()[accountOf(email)];
  return typeof token === 'string' ? token : undefined;
}

export function setDeviceToken(email: string, token: string): void {
  try {
    window.localStorage.setItem(DEVICE_KEY, JSON.stringify({ ...readAll(), [accountOf(email)]: token }));
  } catch {
    // Storage unavailable: this browser is simply not remembered.
  }
}
