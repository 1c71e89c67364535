import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// In development the API runs on its own port; the SPA talks to it as if same-origin.
const API = 'http://127.0.0.1:3000';
const proxied = ['/api', '/webhook', '/documentation', '/health'];

export default defineConfig({
  plugins: [react()],
  // Workspace packages may expose their TypeScript source under this condition.
  resolve: { conditions: [...defaultClientConditions, '@tradehook/source'] },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: API }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads the manifest to know what the entry loads before any lazy import.
    manifest: true,
  },
});
