/**
 * Writing files the user asked for (exports, reports): never silently over an existing file,
 * atomically (a temporary file in the same folder, then rename), with a sanitised file name,
 * and never leaving a partial file behind when something fails.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, open, rename, rm, stat } from 'node:fs/promises';
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
  let dirInfo;
  try {
    dirInfo = await stat(dir);
  } catch {
    throw new CodedError('E_EXPORT_FOLDER', `The folder ${dir} does not exist.`);
  }
  if (!dirInfo.isDirectory()) throw new CodedError('E_EXPORT_FOLDER', `${dir} is not a folder.`);
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
