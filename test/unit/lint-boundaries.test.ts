/**
 * Proves the layer-boundary and Electron-security lint rules fire as errors, so they cannot
 * silently stop working. Lints small snippets as if they lived at the given paths.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: process.cwd(),
  // Type information is not needed for these rules and virtual files have none.
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'fatal');
}

describe('layer boundaries are errors', () => {
  it.each([
    ['src/renderer/src/probe.ts', "import { readFile } from 'node:fs';\nexport const f = readFile;\n", 'no-restricted-imports'],
    ['src/renderer/src/probe.ts', "import fs from 'fs';\nexport const f = fs;\n", 'no-restricted-imports'],
    ['src/renderer/src/probe.ts', "import { analyzeFolder } from '../../main/engine';\nexport const f = analyzeFolder;\n", 'no-restricted-imports'],
    ['src/renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const f = ipcRenderer;\n", 'no-restricted-imports'],
    ['src/renderer/src/probe.ts', "export const f = require('fs');\n", 'no-restricted-globals'],
    ['src/shared/probe.ts', "import path from 'node:path';\nexport const f = path;\n", 'no-restricted-imports'],
    ['src/shared/probe.ts', "import { app } from 'electron';\nexport const f = app;\n", 'no-restricted-imports'],
    ['src/shared/probe.ts', "import { x } from '../main/service';\nexport const f = x;\n", 'no-restricted-imports'],
    ['src/main/engine/probe.ts', "import { app } from 'electron';\nexport const f = app;\n", 'no-restricted-imports'],
    ['src/main/engine/probe.ts', "import React from 'react';\nexport const f = React;\n", 'no-restricted-imports'],
    ['src/main/probe.ts', "import { App } from '../renderer/src/App';\nexport const f = App;\n", 'no-restricted-imports'],
    ['src/preload/probe.ts', "import { readFile } from 'node:fs';\nexport const f = readFile;\n", 'no-restricted-imports'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await errorsFor(file, code)).toContain(rule);
  });

  it('allows what each layer may import', async () => {
    expect(await errorsFor('src/renderer/src/probe.ts', "import type { Progress } from '../../shared/model';\nexport type P = Progress;\n")).toEqual([]);
    expect(await errorsFor('src/main/engine/probe.ts', "import path from 'node:path';\nexport const f = path;\n")).toEqual([]);
    expect(await errorsFor('src/preload/probe.ts', "import { contextBridge } from 'electron';\nexport const f = contextBridge;\n")).toEqual([]);
  });
});

describe('Electron security rules are errors', () => {
  it.each([
    ['sandbox: false', 'export const p = { sandbox: false };\n'],
    ['contextIsolation: false', 'export const p = { contextIsolation: false };\n'],
    ['nodeIntegration: true', 'export const p = { nodeIntegration: true };\n'],
    ['nodeIntegrationInWorker: true', 'export const p = { nodeIntegrationInWorker: true };\n'],
    ['webSecurity: false', 'export const p = { webSecurity: false };\n'],
    ['a file:// URL', "export const u = 'file:///tmp/index.html';\n"],
    ['loadFile', "declare const win: { loadFile(p: string): void };\nwin.loadFile('index.html');\n"],
  ])('flags %s in main', async (_name, code) => {
    expect(await errorsFor('src/main/probe.ts', code)).toContain('no-restricted-syntax');
  });

  it('flags exposing ipcRenderer from the preload', async () => {
    const code = "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('x', { ipc: ipcRenderer });\ncontextBridge.exposeInMainWorld('y', ipcRenderer);\n";
    const errors = await errorsFor('src/preload/probe.ts', code);
    expect(errors.filter((r) => r === 'no-restricted-syntax').length).toBeGreaterThanOrEqual(2);
  });

  it('flags innerHTML and dangerouslySetInnerHTML in the renderer', async () => {
    expect(await errorsFor('src/renderer/src/probe.ts', "document.body.innerHTML = location.hash;\n")).toContain('@microsoft/sdl/no-inner-html');
    expect(
      await errorsFor('src/renderer/src/probe.tsx', 'export const C = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n'),
    ).toContain('react/no-danger');
  });
});
