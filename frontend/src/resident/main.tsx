import '@/resident/resident.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from '@/resident/components/resident-app';

// The resident's page, /q/{slug}: its own entry, with none of the staff app's router, i18n or query cache,
// so a cheap phone on a weak connection loads little (the build fails above 120 kB of gzipped JavaScript).

function slugFromPath(pathname: string): string {
  const match = /^\/q\/([^/]+)\/?$/.exec(pathname);
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : '';
  } catch {
    return '';
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <ResidentApp slug={slugFromPath(window.location.pathname)} />
  </StrictMode>,
);

// Offline after a first visit (public/q-sw.js): its scope is /q/, the resident's page and nothing of the staff app.
// Not under `vite` dev, whose modules are not the build's.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/q-sw.js', { scope: '/q/' }).catch(() => {
      // No worker (private mode, an old browser): the page works online as before.
    });
  });
}
