import { analyzeFolder } from '../src/main/engine/index';
const t = performance.now();
const a = await analyzeFolder(process.argv[2]!);
console.log(JSON.stringify(a.stats.seconds), ((performance.now() - t) / 1000).toFixed(1));
