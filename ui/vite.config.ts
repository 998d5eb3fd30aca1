import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app is loaded by Tauri from `ui/dist` under a strict CSP
// (`script-src 'self'; style-src 'self'`): no inline scripts or styles.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The interface's English wording is read from the shared catalogue in
    // ../locales, next to the other languages.
    fs: { allow: ['.', '../locales'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: false,
    // Keep every asset a separate file: an inlined data: URL for a script or
    // a style would be refused by the CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // Component tests mount Svelte in jsdom, so they need its browser build.
  ...(process.env.VITEST ? { resolve: { conditions: ['browser'] } } : {}),
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
