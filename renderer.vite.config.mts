import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Kept at the repository root, outside renderer/: it runs in Node at build time.
const root = fileURLToPath(new URL('./renderer/', import.meta.url));

/**
 * The renderer is loaded from `midad://app/index.html` in Electron and from
 * `http://midad.test/index.html` in the test harness, so every asset URL is relative
 * (base './') and everything, fonts included, is bundled: the CSP allows no remote origin.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: process.env.MIDAD_DIST ? `${process.env.MIDAD_DIST}/renderer` : fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Inlined assets would become data: fonts, which the CSP's font-src 'self' refuses.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
