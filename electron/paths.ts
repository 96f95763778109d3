import path from 'node:path';

export const DATA_DIR_ENV = 'BACKCHAIN_DATA_DIR';

/**
 * Where the squad lives: `--data-dir <folder>` (or `--data-dir=<folder>`), else the
 * BACKCHAIN_DATA_DIR environment variable, else the platform default given by the caller
 * (the desktop app's user-data folder).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const fromArgs = readFlag(argv, '--data-dir');
  const chosen = fromArgs ?? env[DATA_DIR_ENV] ?? fallback;
  return path.resolve(chosen);
}

export function readFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
