import { useEffect, useRef } from 'react';

/** A kiosk goes back to its start after this long without a touch or a key: the next resident finds a blank page. */
export const KIOSK_IDLE_MS = 20_000;

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const;

/** Calls onIdle after `idleMs` without activity on the page, and again after each further quiet spell. */
export function useIdle(active: boolean, onIdle: () => void, idleMs = KIOSK_IDLE_MS): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!active) return undefined;
    let timer: number | undefined;
    const arm = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        callback.current();
        arm();
      }, idleMs);
    };
    const options = { capture: true, passive: true };
    for (const name of ACTIVITY) window.addEventListener(name, arm, options);
    arm();
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, arm, options);
    };
  }, [active, idleMs]);
}
