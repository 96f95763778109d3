/**
 * The installable app's configuration, checked with electron-builder's own code (the Electron
 * binary cannot be downloaded here, so `npm run dist` itself cannot run): electron-builder.yml
 * loaded and validated exactly as `electron-builder` does it, the targets and icon it names, and
 * its `files` patterns applied (with electron-builder's own file matcher) to a fresh build.
 */
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempSquad';

type Configuration = Awaited<ReturnType<typeof getConfig>>;
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];
const root = path.resolve('.');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; build?: unknown; dependencies: Record<string, string>; scripts: Record<string, string> };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

function targetsOf(platform: unknown): string[] {
  const target = (platform as { target?: unknown } | undefined)?.target;
  const list = Array.isArray(target) ? target : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder loads, and passes its own schema', async () => {
    expect(packageJson.build).toBeUndefined(); // one place for the configuration
    expect(config.appId).toBe('app.backchain.desktop');
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('the validator really checks: an unknown option or a wrong type is refused', async () => {
    await expect(validateConfiguration({ ...config, dataFolder: 'C:/Backchain' } as Configuration, quietLogger)).rejects.toThrow(/Invalid configuration object/);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClick: 'sometimes' } } as unknown as Configuration, quietLogger)).rejects.toThrow(/oneClick/);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg, with the icon from resources/', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac]) {
      const icon = path.resolve(root, platform?.icon ?? '');
      expect(icon).toBe(path.join(root, 'resources', 'icon.png'));
      // electron-builder makes .ico and .icns from a PNG of at least 512 px (1024 px recommended).
      expect(pngSize(icon)).toEqual({ width: 1024, height: 1024 });
    }
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('rebuilds the native module for Electron and unpacks it from the asar archive', () => {
    expect(Object.keys(packageJson.dependencies)).toEqual(['better-sqlite3']);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(packageJson.scripts.dist).toBe('npm run build:app && electron-builder --publish never');
  });

  it('flips Electron\'s fuses when packaging: no running as Node, no NODE_OPTIONS, no --inspect, code only from an integrity-checked asar', async () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // electron-builder's schema knows every fuse named here: a misspelt one is refused.
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } } as unknown as Configuration, quietLogger)).rejects.toThrow(/runAsNodes|electronFuses/);
  });

  it('keeps the data folder out of the install folder: nothing of it is packed, and an uninstall leaves it', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    const files = (config.files as string[]).join(' ');
    expect(files).not.toMatch(/squad|\.db|backups|\.web-data/);
    expect(config.extraResources ?? null).toBeNull();
    expect(config.extraFiles ?? null).toBeNull();
  });
});

describe('what electron-builder packs', () => {
  const out = tempDir('backchain-pack-');
  const appDir = path.join(out.dir, 'app');
  afterAll(() => out.cleanup());

  beforeAll(async () => {
    // The same builds as `npm run build:app`, into a scratch app folder (so a running browser-mode
    // test keeps its own dist-renderer).
    await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'silent', build: { outDir: path.join(appDir, 'dist-renderer'), emptyOutDir: true } });
    await build({ configFile: path.join(root, 'vite.node.config.ts'), mode: 'main', logLevel: 'silent', build: { outDir: path.join(appDir, 'dist-electron'), emptyOutDir: true } });
    await build({ configFile: path.join(root, 'vite.node.config.ts'), mode: 'preload', logLevel: 'silent', build: { outDir: path.join(appDir, 'dist-electron'), emptyOutDir: false } });
    fs.copyFileSync(path.join(root, 'package.json'), path.join(appDir, 'package.json'));
    // Things that must not be packed, as they would lie around in a developer's checkout.
    fs.mkdirSync(path.join(appDir, '.web-data'));
    fs.writeFileSync(path.join(appDir, '.web-data', 'squad.db'), 'a developer squad');
    fs.mkdirSync(path.join(appDir, 'tests'));
    fs.writeFileSync(path.join(appDir, 'tests', 'x.test.ts'), '');
  }, 180_000);

  function packedFiles(): string[] {
    const matchers = getFileMatchers(config, 'files', appDir, { macroExpander: (p) => p, customBuildOptions: config, globalOutDir: path.join(appDir, 'release'), defaultSrc: appDir });
    expect(matchers).not.toBeNull();
    const filters = (matchers ?? []).map((m) => m.createFilter());
    const packed: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir)) {
        const file = path.join(dir, entry);
        const stat = fs.statSync(file);
        if (!filters.some((filter) => filter(file, stat))) continue;
        if (stat.isDirectory()) walk(file);
        else packed.push(path.relative(appDir, file).split(path.sep).join('/'));
      }
    };
    walk(appDir);
    return packed.sort();
  }

  it('packs the main process, the preload, the whole renderer and package.json; no source maps, no data, no tests', () => {
    const packed = packedFiles();
    expect(packed).toContain(packageJson.main);
    expect(packed).toContain('dist-electron/preload.cjs');
    expect(packed).toContain('dist-renderer/index.html');
    expect(packed).toContain('package.json');
    // Every file the page loads is packed.
    const html = fs.readFileSync(path.join(appDir, 'dist-renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `dist-renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) expect(packed, asset).toContain(asset);
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packed.filter((f) => f.startsWith('.web-data') || f.startsWith('tests/'))).toEqual([]);
  });

  it('main finds the renderer and the preload where they are packed', () => {
    const main = fs.readFileSync(path.join(appDir, packageJson.main), 'utf8');
    expect(main).toMatch(/\.join\(__dirname, "\.\.", "dist-renderer"\)/);
    expect(main).toMatch(/\.join\(__dirname, "preload\.cjs"\)/);
    // better-sqlite3 stays a runtime require (packed from node_modules, rebuilt for Electron).
    expect(main).toMatch(/require\("better-sqlite3"\)/);
    // Migrations are inside the bundle, so no SQL files need packing.
    expect(main).toContain('CREATE TABLE athlete');
  });
});
