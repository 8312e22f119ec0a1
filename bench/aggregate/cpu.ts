import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { machineCpu } from '../support/processes';

// How much of the machine a phase had: the CPU the bench used (this process, its children, and the PostgreSQL
// backends and parallel workers of the bench database, found in pg_stat_activity every 100 ms) against the
// whole machine's. On a shared 2-core machine the difference, « other processes », says how far to trust a
// timing.

const TICKS = 100; // USER_HZ

function stat(pid: number): { cpu: number; start: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { cpu: (Number(f[11]) + Number(f[12])) / TICKS, start: Number(f[19]) / TICKS };
  } catch {
    return null;
  }
}

const uptime = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);

export interface CpuShare {
  seconds: number;
  oursCores: number;
  otherCores: number;
  machineCores: number;
}

export class CpuMeter {
  private seen = new Map<number, { base: number; last: number }>();
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private machine0 = machineCpu();
  private wall0 = 0;

  constructor(
    private readonly db: Client,
    private readonly database: string,
    private readonly extraPids: () => number[],
  ) {}

  private async sample(): Promise<void> {
    const rows = (
      await this.db
        .query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database])
        .catch(() => ({ rows: [] }))
    ).rows;
    for (const pid of [process.pid, ...this.extraPids(), ...rows.map((r) => r.pid)]) {
      const s = stat(pid);
      if (!s) continue;
      const known = this.seen.get(pid);
      if (known) known.last = s.cpu;
      // Born during the phase: all its CPU is the phase's.
      else this.seen.set(pid, { base: s.start >= this.startedAt ? 0 : s.cpu, last: s.cpu });
    }
  }

  async start(): Promise<void> {
    this.seen.clear();
    this.startedAt = uptime();
    this.machine0 = machineCpu();
    this.wall0 = performance.now();
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 100);
  }

  async stop(): Promise<CpuShare> {
    if (this.timer) clearInterval(this.timer);
    await this.sample();
    const m = machineCpu();
    const seconds = (performance.now() - this.wall0) / 1000;
    const ours = [...this.seen.values()].reduce((s, x) => s + (x.last - x.base), 0);
    const busy = m.busy - this.machine0.busy;
    return { seconds, oursCores: ours / seconds, otherCores: Math.max(0, busy - ours) / seconds, machineCores: busy / seconds };
  }
}

export const share = (c: CpuShare) =>
  `CPU: bench ${c.oursCores.toFixed(2)} cores, other processes ${c.otherCores.toFixed(2)} cores (machine ${c.machineCores.toFixed(2)})`;

/**
 * Waits (up to `maxSeconds`) until the machine is nearly idle — under `threshold` cores busy over 2 s — so that a
 * timed phase does not share the CPU with someone else's work. Returns how long it waited and how busy it was last.
 */
export async function waitForQuiet(maxSeconds: number, threshold = 0.25): Promise<{ waited: number; busy: number; quiet: boolean }> {
  const started = performance.now();
  for (;;) {
    const a = machineCpu();
    await new Promise((r) => setTimeout(r, 2000));
    const busy = (machineCpu().busy - a.busy) / 2; // cores busy over the 2 s
    const waited = (performance.now() - started) / 1000;
    if (busy < threshold) return { waited, busy, quiet: true };
    if (waited >= maxSeconds) return { waited, busy, quiet: false };
  }
}
