// Draws the heat map: mentees down, mentors across, darker = higher score, grey = no eligible pair,
// orange = a chosen pair. Big matrices arrive averaged into blocks and, from 500 a side, sorted (see
// heatmap-data.ts). The canvas holds one pixel per grid cell, written with one putImageData; CSS
// scales it up with square pixels. Pointing at a cell, or moving over it with the arrow keys, says
// who is there, the score, and whether the pair was chosen.
import type { HeatmapData } from '../worker/protocol.js';
import { h } from './h.js';

const empty = [214, 214, 214];
const chosenColour = [255, 140, 0];

function shade(t: number): number[] {
  const from = [238, 244, 251];
  const mid = [15, 108, 189];
  const to = [12, 59, 94];
  const [a, b, u] = t < 0.5 ? [from, mid, t * 2] : [mid, to, (t - 0.5) * 2];
  return a.map((x, i) => Math.round(x + (b[i] - x) * u));
}

const points = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** What a grid cell holds, in one sentence. */
export function describeCell(map: HeatmapData, row: number, col: number, chosen: boolean): string {
  const value = map.values[row * map.cols + col];
  const who = `${map.menteeNames[row] ?? `row ${row + 1}`} with ${map.mentorNames[col] ?? `column ${col + 1}`}`;
  const block = map.blockRows > 1 || map.blockCols > 1;
  const score = Number.isNaN(value) ? 'no eligible pair' : `${block ? 'mean score' : 'score'} ${points(value)}`;
  const pick = block ? (chosen ? 'holds a chosen pair' : 'no chosen pair') : chosen ? 'chosen' : 'not chosen';
  return `${who}: ${score}; ${pick}.`;
}

export function drawHeatmap(map: HeatmapData, maxPixels = 600): HTMLElement {
  const cell = Math.max(1, Math.floor(maxPixels / Math.max(map.rows, map.cols)));
  const chosen = new Set<number>();
  for (let k = 0; k < map.chosen.length; k += 2) chosen.add(map.chosen[k] * map.cols + map.chosen[k + 1]);
  const canvas = h('canvas', {
    class: 'heatmap',
    width: String(map.cols),
    height: String(map.rows),
    tabindex: '0',
    role: 'img',
    'aria-label': `Heat map of scores, ${map.mentees} mentees by ${map.mentors} mentors, ${chosen.size} cells holding chosen pairs. Arrow keys move over the cells.`,
    'aria-describedby': 'heatmap-cell',
  });
  // Displayed size through the CSS object model (the pages' policy allows it; it refuses style attributes).
  canvas.style.width = `${map.cols * cell}px`;
  canvas.style.maxWidth = '100%';
  const context = canvas.getContext('2d');
  if (context) {
    const image = context.createImageData(map.cols, map.rows);
    const range = map.maxScore - map.minScore || 1;
    for (let k = 0; k < map.rows * map.cols; k++) {
      const v = map.values[k];
      const colour = chosen.has(k) ? chosenColour : Number.isNaN(v) ? empty : shade((v - map.minScore) / range);
      image.data.set([colour[0], colour[1], colour[2], 255], k * 4);
    }
    context.putImageData(image, 0, 0);
  }
  const readout = h(
    'p',
    { id: 'heatmap-cell', class: 'heatmap-cell', 'aria-live': 'polite' },
    'Point at a cell, or use the arrow keys, to see the pair.',
  );
  const tooltip = h('div', { class: 'heatmap-tooltip', role: 'tooltip', id: 'heatmap-tooltip', hidden: true });
  let at = { row: 0, col: 0 };
  const show = (row: number, col: number, pointer?: { x: number; y: number }) => {
    at = { row, col };
    const text = describeCell(map, row, col, chosen.has(row * map.cols + col));
    readout.textContent = text;
    if (!pointer) return tooltip.setAttribute('hidden', '');
    tooltip.textContent = text;
    tooltip.removeAttribute('hidden');
    tooltip.style.left = `${pointer.x + 12}px`;
    tooltip.style.top = `${pointer.y + 12}px`;
  };
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    const col = Math.min(map.cols - 1, Math.floor(((event.clientX - box.left) / box.width) * map.cols));
    const row = Math.min(map.rows - 1, Math.floor(((event.clientY - box.top) / box.height) * map.rows));
    if (row >= 0 && col >= 0) show(row, col, { x: event.clientX - box.left, y: event.clientY - box.top });
  });
  canvas.addEventListener('mouseleave', () => tooltip.setAttribute('hidden', ''));
  canvas.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    show(Math.max(0, Math.min(map.rows - 1, at.row + move[0])), Math.max(0, Math.min(map.cols - 1, at.col + move[1])));
  });
  canvas.addEventListener('focus', () => show(at.row, at.col));
  const aggregated = map.blockRows > 1 || map.blockCols > 1;
  const n = (x: number) => x.toLocaleString('en-GB');
  return h(
    'figure',
    { class: 'heatmap-figure' },
    h('div', { class: 'axis-x', 'aria-hidden': 'true' }, `Mentors (${n(map.mentors)}) →`),
    h(
      'div',
      { class: 'heatmap-body' },
      h('div', { class: 'axis-y', 'aria-hidden': 'true' }, `Mentees (${n(map.mentees)}) →`),
      h('div', { class: 'heatmap-canvas' }, canvas, tooltip),
    ),
    readout,
    h(
      'figcaption',
      {},
      h(
        'div',
        { class: 'legend' },
        `${map.minScore}`,
        h('span', { class: 'swatch' }),
        `${map.maxScore} points; grey: no eligible pair; orange: chosen pair`,
      ),
      h(
        'p',
        { class: 'muted', id: 'heatmap-note' },
        aggregated
          ? `${n(map.mentees)} mentees × ${n(map.mentors)} mentors is more than the canvas can show, so each square is the average eligible score of a block of ${map.blockRows} mentees × ${map.blockCols} mentors; orange squares hold at least one chosen pair.`
          : `Each square is one pair: ${map.mentees} mentees (rows) × ${map.mentors} mentors (columns).`,
        map.sorted ? ' Rows and columns are sorted so that people with similar partners sit together.' : '',
      ),
    ),
  );
}
