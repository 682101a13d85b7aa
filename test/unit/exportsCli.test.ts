import { chmod, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/main/cli/main';
import { writeFolderSafely } from '../../src/main/files/safeWrite';
import { DATA_TABLES } from '../../src/shared/exporting';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out: () => out.join(''), err: () => err.join('') };
}

async function run(args: readonly string[]) {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fs-export-cli-'));
});

describe('framescope export', () => {
  it('writes the JSON document and one CSV table, with progress on standard error', async () => {
    const json = await run(['export', 'seeds', '--format', 'json', '--out', path.join(dir, 'seeds.json')]);
    expect(json.code).toBe(EXIT.ok);
    expect(json.err).toMatch(/reading 5\/5/);
    expect(json.err).toContain(`wrote ${path.join(dir, 'seeds.json')}`);
    const doc = JSON.parse(await readFile(path.join(dir, 'seeds.json'), 'utf8')) as { schemaVersion: number; tables: Record<string, unknown[]> };
    expect(doc.schemaVersion).toBe(1);
    expect(Object.keys(doc.tables)).toEqual([...DATA_TABLES]);
    const csv = await run(['export', 'seeds', '--format', 'csv', '--table', 'figures', '--out', path.join(dir, 'figures.csv'), '--quiet']);
    expect(csv).toMatchObject({ code: EXIT.ok, err: '' });
    expect((await readFile(path.join(dir, 'figures.csv'), 'utf8')).startsWith('\uFEFFfigure_id,article_id,outlet,written,')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['figures.csv', 'seeds.json']);
  });

  it('writes every table into a new folder when no table is named, and never into an existing one without --force', async () => {
    const out = path.join(dir, 'tables');
    expect((await run(['export', 'seeds', '--format', 'csv', '--out', out, '--quiet'])).code).toBe(EXIT.ok);
    expect((await readdir(out)).sort()).toEqual(DATA_TABLES.map((t) => `${t}.csv`).sort());
    await writeFile(path.join(out, 'articles.csv'), 'mine');
    await writeFile(path.join(out, 'notes.txt'), 'keep');
    const again = await run(['export', 'seeds', '--format', 'csv', '--out', out, '--quiet']);
    expect(again.code).toBe(EXIT.failed);
    expect(again.err).toMatch(/already exists.*--force/);
    expect(await readFile(path.join(out, 'articles.csv'), 'utf8')).toBe('mine');
    expect((await run(['export', 'seeds', '--format', 'csv', '--out', out, '--quiet', '--force'])).code).toBe(EXIT.ok);
    expect(await readFile(path.join(out, 'articles.csv'), 'utf8')).toMatch(/^\uFEFFarticle_id,/);
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('keep');
    expect(await readdir(dir)).toEqual(['tables']);
  });

  it('refuses to replace an existing file without --force, naming --force, and leaves it as it was', async () => {
    const target = path.join(dir, 'seeds.json');
    await writeFile(target, 'precious');
    const r = await run(['export', 'seeds', '--format', 'json', '--out', target]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`E_EXPORT_EXISTS: ${target} already exists; choose another name or pass --force to replace it.`);
    // Refused before the analysis started.
    expect(r.err).not.toMatch(/reading/);
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['seeds.json']);
    expect((await run(['export', 'seeds', '--format', 'json', '--out', target, '--force', '--quiet'])).code).toBe(EXIT.ok);
    expect(await readFile(target, 'utf8')).toMatch(/"schemaVersion": 1/);
    expect(await readdir(dir)).toEqual(['seeds.json']);
  });

  it('says the output folder does not exist, and creates nothing', async () => {
    const r = await run(['export', 'seeds', '--format', 'csv', '--table', 'articles', '--out', path.join(dir, 'missing', 'a.csv'), '--quiet']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`E_EXPORT_FOLDER: The folder ${path.join(dir, 'missing')} does not exist.`);
    const folder = await run(['export', 'seeds', '--format', 'csv', '--out', path.join(dir, 'missing', 'tables'), '--quiet']);
    expect(folder.err).toMatch(/does not exist/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('says a read-only folder cannot be written, and leaves nothing', async () => {
    const locked = path.join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    if (process.getuid?.() === 0) {
      // As root every folder is writable; the same refusal is checked on a file/folder clash instead.
      console.log('read-only folder: skipped because the tests run as root (root may write in a 0o555 folder); checking path clashes instead');
      await chmod(locked, 0o755);
      const onFolder = await run(['export', 'seeds', '--format', 'json', '--out', locked, '--quiet']);
      expect(onFolder.code).toBe(EXIT.failed);
      expect(onFolder.err).toContain(`E_EXPORT_EXISTS: ${locked} is a folder; name a file to write.`);
      await writeFile(path.join(dir, 'file'), 'x');
      const onFile = await run(['export', 'seeds', '--format', 'csv', '--out', path.join(dir, 'file'), '--quiet', '--force']);
      expect(onFile.code).toBe(EXIT.failed);
      expect(onFile.err).toContain('already exists and is a file, not a folder');
      const under = await run(['export', 'seeds', '--format', 'json', '--out', path.join(dir, 'file', 'x.json'), '--quiet']);
      expect(under.err).toContain(`${path.join(dir, 'file')} is not a folder.`);
      expect((await readdir(dir)).sort()).toEqual(['file', 'locked']);
      expect(await readdir(locked)).toEqual([]);
      return;
    }
    const r = await run(['export', 'seeds', '--format', 'json', '--out', path.join(locked, 'a.json'), '--quiet']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`Cannot write in ${locked}: the folder is read-only`);
    await chmod(locked, 0o755);
    expect(await readdir(locked)).toEqual([]);
  });

  it.each([
    ['con.csv', 'con-file.csv'],
    ['a\u0007b.csv', 'a-b.csv'],
    [`${'x'.repeat(300)}.csv`, `${'x'.repeat(116)}.csv`],
    ['.hidden.csv', 'hidden.csv'],
  ])('refuses the hostile output name %j and suggests %j', async (name, suggestion) => {
    const r = await run(['export', 'seeds', '--format', 'csv', '--table', 'events', '--out', path.join(dir, name), '--quiet']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`is not a safe file name; try “${suggestion}”`);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [['export'], /give exactly one folder/],
    [['export', 'seeds', '--out', 'x'], /--format is required/],
    [['export', 'seeds', '--format', 'exe', '--out', 'x'], /unknown format “exe”/],
    [['export', 'seeds', '--format', 'csv', '--table', '../../x', '--out', 'x'], /unknown table “..\/..\/x”; the tables are articles/],
    [['export', 'seeds', '--format', 'json', '--table', 'articles', '--out', 'x'], /--table goes with --format csv/],
    [['export', 'seeds', '--format', 'pdf', '--chart', 'tone', '--out', 'x'], /--chart goes with --format png or svg/],
    [['export', 'seeds', '--format', 'png', '--scale', '4', '--out', 'x'], /--scale is 1, 2 or 3/],
    [['export', 'seeds', '--format', 'svg', '--theme', 'dark', '--out', 'x'], /--theme is current or light/],
    [['export', 'seeds', '--format', 'json'], /--out is required/],
  ])('%j is a usage error (exit 2) that says what to change', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/framescope --help/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('says when the article folder does not exist', async () => {
    const r = await run(['export', path.join(dir, 'nope'), '--format', 'json', '--out', path.join(dir, 'a.json')]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`E_FOLDER_UNREADABLE: The folder ${path.join(dir, 'nope')} does not exist.`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('explains that chart and report exports need the built dashboard when it is missing', async () => {
    const r = await run(['export', 'seeds', '--format', 'pdf', '--out', path.join(dir, 'r.pdf')]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toMatch(/needs the built dashboard; run “npx electron-vite build”/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('documents the export command in --help', async () => {
    const r = await run(['--help']);
    expect(r.out).toMatch(/framescope export <folder> --format <format> --out <path>/);
    for (const flag of ['--table', '--chart', '--theme', '--scale', '--force', '--quiet']) expect(r.out).toContain(flag);
  });
});

describe('writing a folder of files', () => {
  it('leaves no partial folder or temporary file when a write fails midway', async () => {
    const target = path.join(dir, 'charts');
    const bad = { name: 'b.svg', data: {} as unknown as string };
    await expect(writeFolderSafely(target, [{ name: 'a.svg', data: '<svg/>' }, bad])).rejects.toMatchObject({ code: 'E_EXPORT_FAILED' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a hostile file name inside the folder before writing anything', async () => {
    await expect(writeFolderSafely(path.join(dir, 'charts'), [{ name: '../../x.svg', data: '' }])).rejects.toMatchObject({ code: 'E_EXPORT_NAME' });
    await expect(writeFolderSafely(path.join(dir, 'co\u0000n'), [{ name: 'a.svg', data: '' }])).rejects.toMatchObject({ code: 'E_EXPORT_NAME' });
    expect(await readdir(dir)).toEqual([]);
  });
});
