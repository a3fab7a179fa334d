/**
 * Full analysis of a generated organization in Node: import (read, merge, build the design),
 * reachability, escalations, findings; time and peak memory at 1k, 5k and 25k principals
 * (each size in its own process so peak RSS is its own). Target: 25k under 3 s and 1 GB.
 * `npm run bench:analysis [-- --sizes 1000,5000,25000]`
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/index.ts';
import { importAuthzFiles } from '../src/io/authz-details/index.ts';
import { generateOrg } from './generate-org.ts';

const PER_ACCOUNT = { roles: 200, users: 50 };

async function one(principals: number) {
  const accounts = Math.max(1, Math.round(principals / (PER_ACCOUNT.roles + PER_ACCOUNT.users)));
  const files = generateOrg({
    accounts,
    rolesPerAccount: PER_ACCOUNT.roles,
    usersPerAccount: PER_ACCOUNT.users,
    seed: 7,
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const imported = await importAuthzFiles(files, { layout: false });
  if (!imported.ok) throw new Error(imported.reason);
  const t1 = performance.now();
  const stages: Record<string, number> = {};
  const stagesCpu: Record<string, number> = {};
  let last = t1;
  let lastCpu = process.cpuUsage();
  const importCpuMs = (lastCpu.user + lastCpu.system - cpu0.user - cpu0.system) / 1000;
  let stage = 'trust';
  const analysis = analyze(imported.design, {
    now: '2026-06-01T00:00:00Z',
    onProgress: (p) => {
      if (p.stage !== stage) {
        const t = performance.now();
        stages[stage] = t - last;
        const c = process.cpuUsage();
        stagesCpu[stage] = (c.user + c.system - lastCpu.user - lastCpu.system) / 1000;
        last = t;
        lastCpu = c;
        stage = p.stage;
      }
    },
  });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const r = analysis.result;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      principals: r.principals,
      accounts,
      importMs: Math.round(t1 - t0),
      importCpuMs: Math.round(importCpuMs),
      analysisMs: Math.round(t2 - t1),
      totalMs: Math.round(t2 - t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])),
      stagesCpuMs: Object.fromEntries(
        Object.entries(stagesCpu).map(([k, v]) => [k, Math.round(v)]),
      ),
      questions: analysis.oracle.questions,
      reachability: r.reachability.length,
      escalations: r.escalations.length,
      findings: r.findings.length,
      peakRssMb: Math.round(rssMb),
    }),
  );
}

const child = process.argv.indexOf('--one');
if (child > 0) {
  await one(Number(process.argv[child + 1]));
} else {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes =
    sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1000, 5000, 25000];
  console.log(
    'analysis bench: generated org, 200 roles + 50 users per account; target 25k principals < 3000 ms, < 1024 MB',
  );
  for (const size of sizes) {
    const line = execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(size)],
      { encoding: 'utf8' },
    ).trim();
    const r = JSON.parse(line.split('\n').pop()!) as {
      principals: number;
      totalMs: number;
      cpuMs: number;
      importMs: number;
      analysisMs: number;
      peakRssMb: number;
      stagesMs: Record<string, number>;
      importCpuMs: number;
      stagesCpuMs: Record<string, number>;
      escalations: number;
      reachability: number;
      findings: number;
    };
    const stages = (m: Record<string, number>) =>
      Object.entries(m)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    // CPU time is the measure on a shared machine; the load says how shared it was.
    console.log(
      `${String(r.principals).padStart(6)} principals (load ${loadavg()[0]!.toFixed(1)}): CPU ${r.cpuMs} ms (import ${r.importCpuMs}; ${stages(r.stagesCpuMs)}), wall ${r.totalMs} ms (import ${r.importMs}; ${stages(r.stagesMs)}), peak ${r.peakRssMb} MB; ${r.reachability} reachable pairs, ${r.escalations} escalations, ${r.findings} findings`,
    );
  }
}
