/**
 * Writing files the user asked for (exports, reports): never silently over an existing file,
 * atomically (a temporary file in the same folder, then rename), with a sanitised file name,
 * and never leaving a partial file behind when something fails.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../../shared/result';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Makes a safe file name from user or data text: no path separators, control characters or
 * characters Windows forbids, no leading dots, not a reserved device name, at most 120 chars.
 */
export function sanitizeFileName(name: string, fallback = 'framescope-export'): string {
  const replaced = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  const ext = path.extname(replaced);
  const base = ext ? replaced.slice(0, -ext.length) : replaced;
  const safeBase = RESERVED_WINDOWS.test(base) ? `${base}-file` : base;
  const result = `${safeBase.slice(0, 120 - ext.length)}${ext}`;
  return result && result !== ext ? result : `${fallback}${ext}`;
}

export interface WriteOptions {
  /** Replace an existing file (the user confirmed, or passed --force). */
  readonly overwrite?: boolean;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes `data` to `target` atomically; throws a CodedError with a message a person can act on. */
export async function writeFileSafely(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const dir = path.dirname(target);
  const name = path.basename(target);
  if (sanitizeFileName(name) !== name) {
    throw new CodedError('E_EXPORT_NAME', `“${name}” is not a safe file name; try “${sanitizeFileName(name)}”.`);
  }
  await requireFolder(dir);
  if (!options.overwrite && (await exists(target))) {
    throw new CodedError('E_EXPORT_EXISTS', `${target} already exists; choose another name or confirm replacing it.`);
  }

  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temp, target);
    } else {
      // link() fails if the target appeared meanwhile, so a concurrent file is never replaced.
      await link(temp, target);
      await rm(temp, { force: true });
    }
  } catch (err) {
    await rm(temp, { force: true });
    if (err instanceof CodedError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CodedError('E_EXPORT_EXISTS', `${target} already exists; choose another name or confirm replacing it.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new CodedError('E_EXPORT_FOLDER', `Cannot write in ${dir}: the folder is read-only or not yours (${code}).`);
    }
    if (code === 'ENOSPC') throw new CodedError('E_EXPORT_FOLDER', `The disk holding ${dir} is full.`);
    throw new CodedError('E_EXPORT_FAILED', `Could not write ${target} (${code ?? 'unknown error'}); nothing was written.`);
  }
}

export interface FolderFile {
  /** A plain file name (no folders); refused unless already safe. */
  readonly name: string;
  readonly data: string | Uint8Array;
}

function describeWriteError(err: unknown, target: string, dir: string): CodedError {
  if (err instanceof CodedError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTEMPTY') return new CodedError('E_EXPORT_EXISTS', `${target} already exists; choose another name or confirm replacing it.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CodedError('E_EXPORT_FOLDER', `Cannot write in ${dir}: the folder is read-only or not yours (${code}).`);
  }
  if (code === 'ENOSPC') return new CodedError('E_EXPORT_FOLDER', `The disk holding ${dir} is full.`);
  return new CodedError('E_EXPORT_FAILED', `Could not write ${target} (${code ?? 'unknown error'}); nothing was written.`);
}

/**
 * Writes several files as one new folder (one CSV per table, one image per chart): they are
 * written into a temporary folder beside the target, which is renamed into place only when every
 * file is complete, so a failure leaves nothing. With `overwrite`, an existing folder receives
 * the files one by one (each written atomically), and other files in it are left alone.
 */
export async function writeFolderSafely(target: string, files: readonly FolderFile[], options: WriteOptions = {}): Promise<void> {
  const dir = path.dirname(target);
  const name = path.basename(target);
  if (sanitizeFileName(name) !== name) {
    throw new CodedError('E_EXPORT_NAME', `“${name}” is not a safe folder name; try “${sanitizeFileName(name)}”.`);
  }
  for (const f of files) {
    if (sanitizeFileName(f.name) !== f.name) throw new CodedError('E_EXPORT_NAME', `“${f.name}” is not a safe file name.`);
  }
  await requireFolder(dir);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    if (!existing.isDirectory()) throw new CodedError('E_EXPORT_EXISTS', `${target} already exists and is a file, not a folder; choose another name.`);
    if (!options.overwrite) throw new CodedError('E_EXPORT_EXISTS', `${target} already exists; choose another name or confirm replacing the files in it.`);
    for (const f of files) await writeFileSafely(path.join(target, f.name), f.data, { overwrite: true });
    return;
  }
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(temp, { mode: 0o755 });
    for (const f of files) {
      const handle = await open(path.join(temp, f.name), 'wx', 0o644);
      try {
        await handle.writeFile(f.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    if (await exists(target)) throw new CodedError('E_EXPORT_EXISTS', `${target} appeared while exporting; nothing was replaced.`);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw describeWriteError(err, target, dir);
  }
}

/**
 * Checks, before any long work, that `target` can be written: a safe name, an existing folder
 * to hold it that this user can write, and no existing file (or folder) there unless
 * `overwrite`. Throws the same coded errors as the writes themselves.
 */
export async function checkTarget(target: string, options: WriteOptions & { readonly kind: 'file' | 'folder' }): Promise<void> {
  const dir = path.dirname(target);
  const name = path.basename(target);
  if (sanitizeFileName(name) !== name) {
    throw new CodedError('E_EXPORT_NAME', `“${name}” is not a safe ${options.kind} name; try “${sanitizeFileName(name)}”.`);
  }
  const dirInfo = await stat(dir).catch(() => null);
  if (!dirInfo) throw new CodedError('E_EXPORT_FOLDER', `The folder ${dir} does not exist.`);
  if (!dirInfo.isDirectory()) throw new CodedError('E_EXPORT_FOLDER', `${dir} is not a folder.`);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new CodedError('E_EXPORT_FOLDER', `Cannot write in ${dir}: the folder is read-only or not yours.`);
  }
  const existing = await stat(target).catch(() => null);
  if (!existing) return;
  const isFolder = existing.isDirectory();
  if (options.kind === 'file' && isFolder) throw new CodedError('E_EXPORT_EXISTS', `${target} is a folder; name a file to write.`);
  if (options.kind === 'folder' && !isFolder) throw new CodedError('E_EXPORT_EXISTS', `${target} already exists and is a file, not a folder; choose another name.`);
  if (!options.overwrite) {
    throw new CodedError('E_EXPORT_EXISTS', `${target} already exists; choose another name or pass --force to replace ${isFolder ? 'the files in it' : 'it'}.`);
  }
}

/** The folder an export goes into must exist and be a folder (nothing is created silently). */
async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new CodedError('E_EXPORT_FOLDER', `The folder ${dir} does not exist.`);
  if (!info.isDirectory()) throw new CodedError('E_EXPORT_FOLDER', `${dir} is not a folder.`);
}
