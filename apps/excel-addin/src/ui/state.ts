// Everything the pane knows between steps. Participant data lives only here, in memory.
import type { RuleSet } from '@mentor-matcher/engine';
import type { Table } from '@mentor-matcher/tabular';
import type { SourceOption } from '../host/workbook-host.js';
import type { MappingOverrides, ProblemData, WorkerResponse } from '../worker/protocol.js';

export type StepId = 'data' | 'rules' | 'match' | 'work';
export type Role = 'mentors' | 'mentees' | 'people';

export interface AppState {
  step: StepId;
  mode: 'two-tables' | 'one-table';
  sources: SourceOption[];
  picked: Partial<Record<Role, string>>;
  tables: Partial<Record<Role, Table>>;
  roleColumn: string;
  mapping: MappingOverrides;
  ruleSet: RuleSet;
  check: Extract<WorkerResponse, { type: 'checked' }> | null;
  checkProblems: ProblemData[];
  result: Extract<WorkerResponse, { type: 'matched' }> | null;
  running: { phase: string; fraction: number; message: string } | null;
  status: { text: string; tone: 'info' | 'error' | 'ok' } | null;
}

export function initialState(ruleSet: RuleSet): AppState {
  return {
    step: 'data',
    mode: 'two-tables',
    sources: [],
    picked: {},
    tables: {},
    roleColumn: '',
    mapping: {},
    ruleSet,
    check: null,
    checkProblems: [],
    result: null,
    running: null,
    status: null,
  };
}
