import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { iamDataChunks } from './scripts/iam-data-chunks.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), iamDataChunks()],
  // Workers are bundled on their own: the editor's validation worker reads the catalogue too.
  worker: { format: 'es', plugins: () => [iamDataChunks()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
