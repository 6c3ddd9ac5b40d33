import { defineConfig } from 'vite';

// `vite build` writes the client to dist/; prerender/ then writes every public page into it as
// HTML (npm run build). The API's Worker serves dist/ as Workers Static Assets: one origin.
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
    // One stylesheet in the page's head: a prerendered page must be styled before any script runs.
    cssCodeSplit: false,
    // Read by the prerender (which chunk each page needs, to preload it), then deleted.
    manifest: 'manifest.json',
    rollupOptions: {
      // The app (client routes), and the islands scripts of prerendered pages (src/islands.tsx),
      // which prerender/build.ts puts in place of the app's.
      input: {
        app: 'index.html',
        home: 'src/home-islands.tsx',
        exam: 'src/exam-islands.tsx',
        guide: 'src/guide-islands.tsx',
      },
    },
  },
});
