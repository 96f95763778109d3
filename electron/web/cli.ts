/**
 * `npm run web`: start browser mode and print the address to open.
 *   --data-dir <folder>  where the squad lives (default: ./.web-data, kept apart from the
 *                        desktop app's own folder)
 *   --port <number>      port on 127.0.0.1 (default: any free port)
 */
import path from 'node:path';
import { readFlag, resolveDataDir } from '../paths';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, path.resolve('.web-data'));
  const portFlag = readFlag(argv, '--port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (got "${portFlag}").`);
    process.exit(2);
  }
  const rendererDir = path.resolve(import.meta.dirname, '..', 'dist-renderer');
  const server = await startWebServer({ dataDir, rendererDir, port, appVersion: process.env.npm_package_version });
  console.log(`Backchain (browser mode) is running.`);
  console.log(`Squad data: ${dataDir}`);
  console.log(`Open: ${server.openUrl}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
