/**
 * The file-system calls ingest makes, behind an interface so tests can simulate what a real disk
 * does rarely (a file deleted or rewritten while it is read, permission errors when running as
 * root). Read-only: ingest never writes to the article folder (saveManifest uses safeWrite).
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';

export interface IngestDirent {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface IngestStats {
  readonly size: number;
  readonly mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface IngestFs {
  readdir(dir: string): Promise<IngestDirent[]>;
  /** Follows symbolic links. */
  stat(file: string): Promise<IngestStats>;
  realpath(file: string): Promise<string>;
  readFile(file: string): Promise<Uint8Array>;
}

export const nodeFs: IngestFs = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (file) => stat(file),
  realpath: (file) => realpath(file),
  readFile: (file) => readFile(file),
};

export function errnoCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
