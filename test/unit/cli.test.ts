import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/main/cli/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out: () => out.join(''), err: () => err.join('') };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fs-cli-'));
});

describe('framescope command line', () => {
  it('analyses a folder to standard output, with progress on standard error', async () => {
    const c = capture();
    expect(await runCli(['analyze', 'seeds'], c.io)).toBe(EXIT.ok);
    const json = JSON.parse(c.out()) as { schemaVersion: number; articles: unknown[]; outlets: { name: string }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.articles).toHaveLength(5);
    expect(json.outlets.map((o) => o.name)).toContain('Xinhua');
    expect(c.err()).toMatch(/reading 5\/5/);
  });

  it('reads subfolders only with --recursive', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'january'));
    await writeFile(path.join(dir, 'january', 'a.txt'), 'JERUSALEM | Xinhua | Blinken met Israeli officials in Tel Aviv on Tuesday to discuss humanitarian aid.\n');
    await writeFile(path.join(dir, 'b.txt'), 'WASHINGTON | Blinken said on Monday that more aid must reach Gaza, where the war continues.\n');
    const flat = capture();
    expect(await runCli(['analyze', dir, '--quiet'], flat.io)).toBe(EXIT.ok);
    expect((JSON.parse(flat.out()) as { articles: unknown[] }).articles).toHaveLength(1);
    const deep = capture();
    expect(await runCli(['analyze', dir, '--quiet', '--recursive'], deep.io)).toBe(EXIT.ok);
    expect((JSON.parse(deep.out()) as { articles: { file: string }[] }).articles.map((a) => a.file).sort()).toEqual(['b.txt', 'january/a.txt']);
  });

  it('writes --out atomically and refuses to replace it without --force', async () => {
    const out = path.join(dir, 'seeds.json');
    expect(await runCli(['analyze', 'seeds', '--out', out, '--quiet'], capture().io)).toBe(EXIT.ok);
    const first = await readFile(out, 'utf8');
    const c = capture();
    expect(await runCli(['analyze', 'seeds', '--out', out], c.io)).toBe(EXIT.failed);
    expect(c.err()).toMatch(/E_EXPORT_EXISTS: .*already exists/);
    expect(await readFile(out, 'utf8')).toBe(first);
    expect(await runCli(['analyze', 'seeds', '--out', out, '--force', '--quiet'], capture().io)).toBe(EXIT.ok);
    expect(await readdir(dir)).toEqual(['seeds.json']);
  });

  it('says what is wrong with a missing output folder or a hostile name, and writes nothing', async () => {
    const c = capture();
    expect(await runCli(['analyze', 'seeds', '--out', path.join(dir, 'missing', 'x.json'), '--quiet'], c.io)).toBe(EXIT.failed);
    expect(c.err()).toMatch(/does not exist/);
    const d = capture();
    expect(await runCli(['analyze', 'seeds', '--out', path.join(dir, 'CON.json'), '--quiet'], d.io)).toBe(EXIT.failed);
    expect(d.err()).toMatch(/not a safe file name/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports an unreadable folder with exit code 1', async () => {
    const c = capture();
    expect(await runCli(['analyze', path.join(dir, 'nope')], c.io)).toBe(EXIT.failed);
    expect(c.err()).toMatch(/E_FOLDER_UNREADABLE/);
  });

  it.each([
    [[], EXIT.usage],
    [['--help'], EXIT.ok],
    [['frob'], EXIT.usage],
    [['analyze'], EXIT.usage],
    [['analyze', 'a', 'b'], EXIT.usage],
    [['analyze', 'seeds', '--bogus'], EXIT.usage],
  ])('%j exits with %i and explains', async (args, code) => {
    const c = capture();
    expect(await runCli(args, c.io)).toBe(code);
    expect(c.out() + c.err()).toMatch(/framescope/i);
  });

  it('lists files it skipped', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'Gaza talks resumed on Monday, officials said.');
    await writeFile(path.join(dir, 'b.txt'), '');
    const c = capture();
    expect(await runCli(['analyze', dir], c.io)).toBe(EXIT.ok);
    expect(c.err()).toMatch(/skipped b\.txt: b\.txt is empty/);
  });
});
