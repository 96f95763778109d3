import { fileURLToPath } from 'node:url';

/**
 * The import aliases, one list for Vite (renderer, main, browser mode, bench) and Vitest; the
 * same names are `paths` in tsconfig.base.json. Imports that leave their top-level folder use
 * them: `@shared/...` (pure code for both sides), `@main/...` (electron/, the main process;
 * not `@electron`, which is an npm scope), `@renderer/...` (the window's React code).
 */
const at = (folder: string) => fileURLToPath(new URL(`./${folder}`, import.meta.url));

export const aliases = {
  '@shared': at('shared'),
  '@main': at('electron'),
  '@renderer': at('renderer'),
};
