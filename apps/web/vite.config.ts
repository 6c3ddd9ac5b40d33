import { defineConfig } from 'vite';

// The client is a static SPA: `vite build` writes dist/, which the API's Worker serves as
// Workers Static Assets with the single-page-application fallback, so every route shares one origin.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
