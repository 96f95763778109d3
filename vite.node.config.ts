import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { aliases } from './aliases.config.ts';

// Node-side bundles, built with the same tool as the renderer so `import.meta.glob` finds the
// SQL migrations at build time. One entry per build, so each output is a single file:
//   --mode main:    dist-electron/main.cjs. Everything is bundled except electron and
//                   better-sqlite3 (native), so the packaged app ships one runtime dependency.
//   --mode preload: dist-electron/preload.cjs. A sandboxed preload cannot require its own
//                   chunks, so it must be one self-contained file.
//   --mode web:     dist-web/server.mjs, the browser-mode server.
//   --mode bench:   dist-bench/bench.mjs, `npm run bench`.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const entries = {
  main: { entry: 'electron/main.ts', outDir: 'dist-electron', file: 'main.cjs', format: 'cjs', clean: true },
  preload: { entry: 'electron/preload.ts', outDir: 'dist-electron', file: 'preload.cjs', format: 'cjs', clean: false },
  web: { entry: 'electron/web/cli.ts', outDir: 'dist-web', file: 'server.mjs', format: 'es', clean: true },
  bench: { entry: 'bench/run.ts', outDir: 'dist-bench', file: 'bench.mjs', format: 'es', clean: true },
} as const;

export default defineConfig(({ mode }) => {
  const target = entries[mode as keyof typeof entries];
  if (!target) throw new Error(`vite.node.config.ts: unknown --mode ${mode} (use main, preload, web or bench)`);
  return {
    resolve: { alias: aliases },
    build: {
      ssr: target.entry,
      target: 'node20',
      outDir: target.outDir,
      emptyOutDir: target.clean,
      minify: false,
      sourcemap: true,
      rollupOptions: {
        // playwright-core and pdfjs-dist (bench only) load their own files at run time: load them from node_modules.
        external: [...nodeBuiltins, 'electron', 'better-sqlite3', 'playwright-core', /^pdfjs-dist\//],
        output: { format: target.format, entryFileNames: target.file, codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
