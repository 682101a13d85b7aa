import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packForFolder, packStamp, parsePack } from '../../src/main/engine/lexicons/pack';

const Entry = z.object({ phrase: z.string(), note: z.string() });
const builtIn = { id: 'demo', version: '1.0.0', description: 'd', provenance: 'p', entries: [{ phrase: 'x', note: 'n' }] };

describe('lexicon packs', () => {
  it('validates the envelope and entries and stamps id@version', () => {
    const pack = parsePack('demo', builtIn, Entry, 'built-in');
    expect(packStamp(pack)).toBe('demo@1.0.0');
    expect(() => parsePack('demo', { ...builtIn, entries: [{ phrase: 1 }] }, Entry, 'f.json')).toThrow(/f\.json is not valid at entries\.0\.phrase/);
    expect(() => parsePack('other', builtIn, Entry, 'f.json')).toThrow(/expected "other"/);
  });

  it('prefers a valid per-folder override and reports a broken one', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fs-lex-'));
    expect(packForFolder('demo', builtIn, Entry, folder).origin).toBe('built-in');
    mkdirSync(path.join(folder, 'lexicons'));
    writeFileSync(path.join(folder, 'lexicons', 'demo.json'), JSON.stringify({ ...builtIn, version: '2.0.0' }));
    expect(packForFolder('demo', builtIn, Entry, folder).version).toBe('2.0.0');
    writeFileSync(path.join(folder, 'lexicons', 'demo.json'), '{ nope');
    expect(() => packForFolder('demo', builtIn, Entry, folder)).toThrow(/is not JSON/);
  });
});
