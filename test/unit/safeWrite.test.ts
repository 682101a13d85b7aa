import { chmod, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sanitizeFileName, writeFileSafely } from '../../src/main/files/safeWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fs-write-'));
});

describe('sanitizeFileName', () => {
  it.each([
    ['Tone by outlet.svg', 'Tone by outlet.svg'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c:d*e?f"g<h>i|j.png', 'a-b-c-d-e-f-g-h-i-j.png'],
    ['.hidden', 'hidden'],
    ['CON.csv', 'CON-file.csv'],
    ['name\u0000with\u0007controls.json', 'name-with-controls.json'],
    ['', 'framescope-export'],
    ['...', 'framescope-export'],
    [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(116)}.pdf`],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });
});

describe('writeFileSafely', () => {
  it('writes atomically and leaves no temporary file', async () => {
    const target = path.join(dir, 'out.json');
    await writeFileSafely(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('never replaces an existing file unless told to', async () => {
    const target = path.join(dir, 'out.json');
    await writeFile(target, 'original');
    await expect(writeFileSafely(target, 'new')).rejects.toMatchObject({ code: 'E_EXPORT_EXISTS' });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['out.json']);
    await writeFileSafely(target, 'new', { overwrite: true });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('says clearly when the folder is missing', async () => {
    await expect(writeFileSafely(path.join(dir, 'nope', 'x.csv'), 'a')).rejects.toMatchObject({
      code: 'E_EXPORT_FOLDER',
      message: expect.stringContaining('does not exist') as unknown,
    });
  });

  it('refuses hostile names and leaves nothing behind', async () => {
    await expect(writeFileSafely(path.join(dir, 'a\u0000b.csv'), 'a')).rejects.toMatchObject({ code: 'E_EXPORT_NAME' });
    await expect(writeFileSafely(path.join(dir, 'CON.csv'), 'a')).rejects.toMatchObject({ code: 'E_EXPORT_NAME' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a read-only folder and leaves nothing behind', async () => {
    // Root ignores permission bits, so as root use sysfs, which refuses new files to everyone.
    const readOnly = process.getuid?.() === 0 ? '/sys/kernel' : dir;
    if (readOnly === dir) await chmod(dir, 0o555);
    await expect(writeFileSafely(path.join(readOnly, 'x.csv'), 'a')).rejects.toMatchObject({ code: 'E_EXPORT_FOLDER' });
    if (readOnly === dir) await chmod(dir, 0o755);
    expect((await readdir(readOnly)).filter((f) => f.includes('x.csv'))).toEqual([]);
  });
});
