import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { aliases } from './aliases.config.ts';

// The renderer: one page, built to dist-renderer/ with relative asset paths so the same build
// loads from app://backchain/ (desktop) and from http://127.0.0.1 (browser mode).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: aliases },
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
