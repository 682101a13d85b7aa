import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
  extraResources?: { from: string; to: string }[];
}

describe('packaging', () => {
  it('sets the Electron fuses that close other ways of running code', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.extraResources).toContainEqual({ from: 'seeds', to: 'seeds' });
  });

  it('pins an Electron major within the latest three', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const major = Number(/(\d+)/.exec(pkg.devDependencies.electron ?? '')?.[1]);
    // Electron 45 is the newest major at the time of writing; bump this floor with each upgrade.
    expect(major).toBeGreaterThanOrEqual(43);
  });
});
