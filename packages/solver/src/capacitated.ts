// Exact capacitated b-matching with coverage tiers, solved in wasm (assembly/capacitated.ts).
// The driver (capacitated-driver.ts) validates, scales, selects candidates and prices; this file
// only carries one candidate network across the wasm boundary and back.
import { solveCapacitatedWith } from './capacitated-driver.js';
import type { FlowNetwork, FlowSolve, FlowSolveResult } from './capacitated-network.js';
import type { CapacitatedProblem, CapacitatedResult } from './types.js';
import { wasmFunction, withWasmMemory, type SolverWasm } from './wasm-memory.js';

type CapacitatedSolveExport = (
  rows: number,
  cols: number,
  arcs: number,
  rowStart: number,
  arcCol: number,
  arcCost: number,
  rowCapacity: number,
  colCapacity: number,
  rowFirstCost: number,
  colFirstCost: number,
  arcFlowOut: number,
  rowPotentialOut: number,
  colPotentialOut: number,
  warm: number,
) => number;

/**
 * Chooses pairs that maximise, in strict priority, the rows with at least one partner, then (when
 * `coverage` includes 'cols') the columns with at least one partner, then the total score, within
 * the capacities and with every locked pair included. Throws CapacitatedProblemError on invalid input.
 */
export function solveCapacitated(wasm: SolverWasm, problem: CapacitatedProblem): CapacitatedResult {
  return solveCapacitatedWith(wasmFlowSolve(wasm), problem);
}

/** The wasm core as a FlowSolve, for the driver (and for timing the core alone). */
export function wasmFlowSolve(wasm: SolverWasm): FlowSolve {
  const capacitatedSolve = wasmFunction<CapacitatedSolveExport>(wasm, 'capacitatedSolve');
  return (network: FlowNetwork): FlowSolveResult =>
    withWasmMemory(wasm, (scope) => {
      const { rows, cols } = network;
      const arcs = network.arcCol.length;
      // The output blocks carry the previous optimum in, on a warm start.
      const warm = network.warmStart;
      const arcFlowOut = warm ? scope.copyIn(warm.arcFlow) : scope.allocArray(Uint8Array, arcs);
      const rowPotentialOut = warm ? scope.copyIn(warm.rowPotential) : scope.allocArray(Float64Array, rows);
      const colPotentialOut = warm ? scope.copyIn(warm.colPotential) : scope.allocArray(Float64Array, cols);
      const searches = capacitatedSolve(
        rows,
        cols,
        arcs,
        scope.copyIn(network.rowStart),
        scope.copyIn(network.arcCol),
        scope.copyIn(network.arcCost),
        scope.copyIn(network.rowCapacity),
        scope.copyIn(network.colCapacity),
        scope.copyIn(network.rowFirstCost),
        scope.copyIn(network.colFirstCost),
        arcFlowOut,
        rowPotentialOut,
        colPotentialOut,
        warm ? 1 : 0,
      );
      if (!(searches >= 0)) throw new Error(`the capacitated solver's wasm returned ${searches}, not a search count`);
      return {
        searches,
        arcFlow: scope.readU8(arcFlowOut, arcs),
        rowPotential: scope.readF64(rowPotentialOut, rows),
        colPotential: scope.readF64(colPotentialOut, cols),
      };
    });
}
