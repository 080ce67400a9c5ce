import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const standIn = (file: string) => fileURLToPath(new URL(`./src/editor/stand-ins/${file}`, import.meta.url));

/**
 * Each built script, style sheet and page also as brotli (`.br` beside it, at the highest quality), which
 * the server sends to browsers that accept it (over HTTPS every current one): the meeting page's scripts
 * are about 13 % smaller than gzipped on the fly. Files that brotli does not make smaller get none.
 */
function brotliFiles(): Plugin {
  let outDir = '';
  return {
    name: 'polyphony-brotli',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      for (const file of files.filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const full = path.join(outDir, file);
        const plain = readFileSync(full);
        const packed = brotliCompressSync(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        });
        if (packed.length < plain.length) writeFileSync(`${full}.br`, packed);
      }
    },
  };
}

/** The browser client. In development, /api and /sync go to the server on port 8080. */
export default defineConfig({
  plugins: [react(), brotliFiles()],
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
