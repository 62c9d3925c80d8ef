// Draws the heat map: mentees down, mentors across, darker = higher score, grey = no eligible pair,
// orange = a chosen pair. Big matrices arrive already averaged into blocks (see heatmap-data.ts).
import type { HeatmapData } from '../worker/protocol.js';
import { h } from './h.js';

function shade(t: number): string {
  const from = [238, 244, 251];
  const mid = [15, 108, 189];
  const to = [12, 59, 94];
  const [a, b, u] = t < 0.5 ? [from, mid, t * 2] : [mid, to, (t - 0.5) * 2];
  return `rgb(${a.map((x, i) => Math.round(x + (b[i] - x) * u)).join(',')})`;
}

export function drawHeatmap(map: HeatmapData, maxPixels = 600): HTMLElement {
  const cell = Math.max(1, Math.floor(maxPixels / Math.max(map.rows, map.cols)));
  const canvas = h('canvas', {
    class: 'heatmap',
    width: String(map.cols * cell),
    height: String(map.rows * cell),
    role: 'img',
    'aria-label': `Heat map of scores, ${map.mentees} mentees by ${map.mentors} mentors, with ${map.chosen.length / 2} cells holding chosen pairs.`,
  });
  const context = canvas.getContext('2d');
  if (context) {
    const range = map.maxScore - map.minScore || 1;
    for (let r = 0; r < map.rows; r++) {
      for (let c = 0; c < map.cols; c++) {
        const v = map.values[r * map.cols + c];
        context.fillStyle = Number.isNaN(v) ? '#d6d6d6' : shade((v - map.minScore) / range);
        context.fillRect(c * cell, r * cell, cell, cell);
      }
    }
    context.fillStyle = '#ff8c00';
    context.strokeStyle = '#ff8c00';
    for (let k = 0; k < map.chosen.length; k += 2) {
      const r = map.chosen[k];
      const c = map.chosen[k + 1];
      if (cell >= 6) {
        context.lineWidth = Math.max(1, cell / 6);
        context.strokeRect(c * cell + 1, r * cell + 1, cell - 2, cell - 2);
      } else context.fillRect(c * cell, r * cell, cell, cell);
    }
  }
  const aggregated = map.blockRows > 1 || map.blockCols > 1;
  return h(
    'figure',
    {},
    canvas,
    h(
      'figcaption',
      {},
      h('div', { class: 'legend' }, `${map.minScore}`, h('span', { class: 'swatch' }), `${map.maxScore} points; grey: no eligible pair; orange: chosen pair`),
      h(
        'p',
        { class: 'muted', id: 'heatmap-note' },
        aggregated
          ? `${map.mentees.toLocaleString('en-GB')} mentees × ${map.mentors.toLocaleString('en-GB')} mentors is more than the canvas can show, so each square is the average eligible score of a block of ${map.blockRows} mentees × ${map.blockCols} mentors; orange squares hold at least one chosen pair.`
          : `Each square is one pair: ${map.mentees} mentees (rows) × ${map.mentors} mentors (columns).`,
      ),
    ),
  );
}
