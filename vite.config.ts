import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
} from './scripts/content-security-policy.ts';
import { iamDataChunks } from './scripts/iam-data-chunks.ts';
import { serviceWorker } from './scripts/service-worker.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), iamDataChunks(), contentSecurityPolicy(), serviceWorker()],
  // Workers are bundled on their own: the editor's validation worker reads the catalogue too.
  worker: { format: 'es', plugins: () => [iamDataChunks()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173, strictPort: false },
  // The built index.html carries the same policy as a meta tag (scripts/content-security-policy.ts).
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
