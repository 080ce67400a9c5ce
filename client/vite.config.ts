import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The browser client. In development, /api and /sync go to the server on port 8080. */
export default defineConfig({
  plugins: [react()],
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
