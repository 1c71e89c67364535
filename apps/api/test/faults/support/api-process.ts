import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../../..');

export interface ApiProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resident memory now and the kernel's high-water mark since start (kB, from /proc). */
  memoryKb(): { rss: number; peak: number };
  /** CPU time the process has used (user + system, ms, from /proc). */
  cpuMs(): number;
  /** kill -9: no shutdown hook runs, in-flight work is lost exactly as in a crash. */
  crash(): Promise<void>;
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The script to run, from the repository root; it prints `Open: <url>` once it listens. */
  entry?: string;
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

/**
 * The real server entry (`node --import tsx apps/api/src/server.ts`) as a child process, so a test can kill it
 * and a benchmark can read its own memory and CPU. PORT=0 unless given: the printed URL names the port.
 */
export async function startApiProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ApiProcess> {
  const { entry = 'apps/api/src/server.ts', nodeArgs = [], startTimeoutMs = 30_000 } = options;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      outcome();
    };
    const fail = (why: string) => settle(() => {
      child.kill('SIGKILL');
      reject(new Error(`API process ${why}:\n${output}`));
    });
    const look = () => {
      const match = /Open:\s+(http:\/\/\S+)/.exec(output);
      if (match) settle(() => resolve(match[1]));
    };
    const timer = setTimeout(() => fail(`did not start within ${startTimeoutMs} ms`), startTimeoutMs);
    child.stdout!.on('data', look);
    void exited.then((code) => fail(`exited with ${code}`));
  });
  return processHandle(child, url, exited, () => output);
}

function processHandle(child: ChildProcess, url: string, exited: Promise<number | null>, output: () => string): ApiProcess {
  const pid = child.pid!;
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url, pid, exited, output,
    memoryKb() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime, stime in clock ticks (100/s).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async crash() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone()) child.kill('SIGTERM');
      await exited;
    },
  };
}
