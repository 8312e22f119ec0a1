import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { precompress } from './scripts/precompress';
import { residentPageSize } from './scripts/resident-page-size';

const apiTarget = process.env.REPERE_API_URL ?? 'http://localhost:3000';

/** /q/{slug} is the resident's page, its own html entry; the API server does the same rewrite in production. */
const residentRewrite: Connect.NextHandleFunction = (req, _res, next) => {
  const match = req.url ? /^\/q\/[^/?]+\/?(\?.*)?$/.exec(req.url) : null;
  if (match) req.url = `/q.html${match[1] ?? ''}`;
  next();
};

function residentPage(): Plugin {
  return {
    name: 'repere:resident-page-route',
    configureServer(server) {
      server.middlewares.use(residentRewrite);
    },
    configurePreviewServer(server) {
      server.middlewares.use(residentRewrite);
    },
  };
}

export default defineConfig({
  plugins: [react(), residentPage(), precompress(), residentPageSize({ html: 'q.html' })],
  resolve: {
    alias: [
      // Vite resolves a leading "/" from the project root.
      { find: /^@\//, replacement: '/src/' },
      // @repere/contract from its TypeScript source, like the app's own: ESM that tree-shakes (the resident page
      // takes only the answer rules), and `vite` dev needs no build of the package.
      { find: /^@repere\/contract$/, replacement: fileURLToPath(new URL('../packages/contract/src/index.ts', import.meta.url)) },
    ],
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      // Two pages: the staff app, and the resident's questionnaire, which shares nothing with it but React.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        q: fileURLToPath(new URL('./q.html', import.meta.url)),
      },
    },
  },
});
