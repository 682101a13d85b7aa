#!/usr/bin/env node
// `npx framescope …` in a checkout: builds the app when needed, then runs the command line.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/ensure-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureBuilt(root)) process.exit(1);
await import(pathToFileURL(path.join(root, 'out', 'main', 'cli.js')).href);
