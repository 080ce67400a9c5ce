import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const standIn = (file: string) => fileURLToPath(new URL(`./src/editor/stand-ins/${file}`, import.meta.url));

/** The browser client. In development, /api and /sync go to the server on port 8080. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two of @tiptap/react's dependencies replaced by a few lines each (src/editor/stand-ins): fast-equals
    // (only its circularDeepEqual is used) and the pre-React-18 useSyncExternalStore shim (React 19 has
    // the hook; its with-selector helper then comes without the shim).
    alias: [
      { find: /^fast-equals$/, replacement: standIn('fastEquals.ts') },
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: standIn('useSyncExternalStore.ts'),
      },
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/sync': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One small app chunk and the editor stack: no source maps shipped, nothing inlined from assets.
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The editor stack in a chunk of its own, so that the meeting page shows the document's text
          // (read from the Y.Doc, SectionReading) without waiting for it (issue 18, part 2). Without this,
          // its modules shared with the history and print pages land in a common chunk that the meeting
          // page imports at once. Their own dependencies (yjs, React) stay where they were.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'editor',
              test: /[\\/]node_modules[\\/](@tiptap|prosemirror-|y-prosemirror|orderedmap|rope-sequence|w3c-keyname|fast-equals|use-sync-external-store)|[\\/]src[\\/]editor[\\/]stand-ins[\\/]|[\\/]shared[\\/]dist[\\/]schema[\\/](extensions|nodes|blocks|nodeRules)\.js$/,
            },
          ],
        },
      },
      treeshake: {
        // shared/ is pure declarations (no side effects by design): let unused parts of it, such as the
        // server's zod request schemas, drop out of the browser bundle.
        moduleSideEffects: (id) => (/[\\/](shared[\\/]dist|zod)[\\/]/.test(id) ? false : undefined),
        // …and its schemas are built by calls (z.object(…), .openapi(…)) that do nothing but build them:
        // the browser never validates with them, so zod itself drops out of the bundle.
        manualPureFunctions: ['z', 'Extension', 'Node', 'Mark', '__exportAll'],
      },
    },
  },
});
