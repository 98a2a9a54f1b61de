import { arch, cpus, release, totalmem, type } from 'node:os';

/** What the numbers were measured on (docs/design.md, "Budgets": reported with the machine's details). */
export interface MachineInfo {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
  os: string;
}

export const machineInfo = (): MachineInfo => {
  const processors = cpus();
  return {
    cpus: processors.length,
    model: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
  };
};
