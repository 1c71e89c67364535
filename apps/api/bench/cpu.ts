import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Where the machine's CPU went during a measurement, in % of one core (2 cores = 200 %). */
export interface CpuShare {
  api: number;
  postgres: number;
  /** This process: the load generator and the simulator. */
  bench: number;
  /** Everything else running on the machine meanwhile (other work on a shared box: noise in the figures). */
  other: number;
  /** Whatever no process used. */
  idle: number;
}

interface Snapshot {
  at: number;
  api: number;
  postgres: number;
  bench: number;
  idleTicks: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksOf(stat: string): number {
  const fields = stat.split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU used by every live PostgreSQL process (server, backends, writers), in ms. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) ticks += ticksOf(stat);
    } catch {
      /* the process ended while we looked */
    }
  }
  return ticks * TICK_MS;
}

function snapshot(apiCpuMs: () => number): Snapshot {
  const own = process.cpuUsage();
  const idleTicks = Number(readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)[4]);
  return { at: performance.now(), api: apiCpuMs(), postgres: postgresCpuMs(), bench: (own.user + own.system) / 1000, idleTicks };
}

/** Runs `work` and reports the CPU each party used meanwhile (from /proc: Linux only). */
export async function withCpuShare<T>(apiCpuMs: () => number, work: () => Promise<T>): Promise<{ result: T; cpu: CpuShare }> {
  const before = snapshot(apiCpuMs);
  const result = await work();
  const after = snapshot(apiCpuMs);
  const wall = after.at - before.at;
  const share = (ms: number) => Math.round((100 * ms) / wall);
  const cpu = {
    api: share(after.api - before.api),
    postgres: share(after.postgres - before.postgres),
    bench: share(after.bench - before.bench),
    idle: share((after.idleTicks - before.idleTicks) * TICK_MS),
  };
  return { result, cpu: { ...cpu, other: Math.max(0, os.cpus().length * 100 - cpu.api - cpu.postgres - cpu.bench - cpu.idle) } };
}
