import { useEffect } from 'react';

const APP_NAME = 'Repère';

/** Keeps the tab title on the page being read, so screen readers announce it and history is legible. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
