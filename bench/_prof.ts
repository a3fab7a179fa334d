import { compilePolicies, evaluate } from '../src/engine/index.ts';
import { generateRealistic } from './realistic.ts';
const sets = generateRealistic(20261201, 400, 25);
const compiled = sets.map((s) => compilePolicies(s.policies));
const explain = process.argv[2] === 'explain';
for (let k = 0; k < 3; k++)
  for (let i = 0; i < sets.length; i++)
    for (const r of sets[i]!.requests) evaluate(r, compiled[i]!);
console.profile?.();
const t = process.cpuUsage();
let n = 0;
while (process.cpuUsage(t).user < 8e6) {
  for (let i = 0; i < sets.length; i++)
    for (const r of sets[i]!.requests) {
      evaluate(r, compiled[i]!, explain ? { explain: true } : undefined);
      n++;
    }
}
console.log(n, (n / (process.cpuUsage(t).user / 1e6)) | 0);
