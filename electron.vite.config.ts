import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // Bundled rather than imported at run time: the engine reads its AFINN lexicon and negators
      // as JSON, and Node needs import attributes on JSON that the externalised import loses.
      externalizeDeps: { exclude: ['sentiment', 'zod'] },
      rolldownOptions: {
        input: {
          // The Electron entry, and the browser-mode server that runs in plain Node.
          index: resolve(__dirname, 'src/main/index.ts'),
          browser: resolve(__dirname, 'src/main/browser/main.ts'),
          // The command line (`framescope`, bin/framescope.mjs).
          cli: resolve(__dirname, 'src/main/cli/bin.ts'),
          // Worker threads that analyse large folders.
          analyzeWorker: resolve(__dirname, 'src/main/workers/analyzeWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
