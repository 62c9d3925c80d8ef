// What machine a figure was taken on: every result file and the README carry it, since times mean
// little without it.
import { cpus, totalmem, platform, release, arch, loadavg } from 'node:os';

export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the run started: on a shared machine it says how much to trust the times. */
  readonly loadAverage?: number;
}

export function describeMachine(): MachineDescription {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
  };
}

export function machineSentence(machine: MachineDescription): string {
  const load = machine.loadAverage === undefined ? '' : `, load average ${machine.loadAverage} at start`;
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}${load}`;
}
