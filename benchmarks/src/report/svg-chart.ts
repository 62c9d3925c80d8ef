// A log-log scaling chart as hand-written SVG: one polyline per series, decade grid lines, a legend.
// A chart library would be a large dependency for six lines and two axes.

export interface ChartSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  readonly width?: number;
  readonly height?: number;
}

const COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) ticks.push(10 ** e);
  return ticks;
}

function tickLabel(value: number, unit: 'size' | 'ms'): string {
  if (unit === 'ms') return value >= 1000 ? `${value / 1000} s` : `${value} ms`;
  return value >= 1000 ? `${value / 1000}k` : String(value);
}

/** Renders the chart. Points with x or y <= 0 cannot sit on log axes and are left out. */
export function renderLogLogChart(options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 440;
  const margin = { left: 70, right: 230, top: 40, bottom: 50 };
  const series = options.series
    .map((s) => ({ ...s, points: s.points.filter((p) => p.x > 0 && p.y > 0) }))
    .filter((s) => s.points.length > 0);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xTicks = xs.length ? decadeTicks(Math.min(...xs), Math.max(...xs)) : [1, 10];
  const yTicks = ys.length ? decadeTicks(Math.min(...ys), Math.max(...ys)) : [1, 10];
  const [x0, x1] = [Math.log10(xTicks[0]), Math.log10(xTicks[xTicks.length - 1])];
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])];
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * plotW;
  const py = (y: number) => margin.top + plotH - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * plotH;
  const f = (n: number) => n.toFixed(1);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${width / 2 - margin.right / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`,
  );
  for (const t of xTicks) {
    out.push(
      `<line x1="${f(px(t))}" y1="${margin.top}" x2="${f(px(t))}" y2="${margin.top + plotH}" stroke="#dddddd"/>`,
    );
    out.push(
      `<text x="${f(px(t))}" y="${margin.top + plotH + 16}" text-anchor="middle">${tickLabel(t, 'size')}</text>`,
    );
  }
  for (const t of yTicks) {
    out.push(
      `<line x1="${margin.left}" y1="${f(py(t))}" x2="${margin.left + plotW}" y2="${f(py(t))}" stroke="#dddddd"/>`,
    );
    out.push(`<text x="${margin.left - 6}" y="${f(py(t) + 4)}" text-anchor="end">${tickLabel(t, 'ms')}</text>`);
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333333"/>`,
  );
  out.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = [...s.points].sort((a, b) => a.x - b.x);
    out.push(
      `<polyline data-series="${escapeXml(s.name)}" fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${f(px(p.x))},${f(py(p.y))}`).join(' ')}"/>`,
    );
    for (const p of points) out.push(`<circle cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="3" fill="${colour}"/>`);
    const ly = margin.top + 10 + i * 20;
    out.push(
      `<line x1="${width - margin.right + 14}" y1="${ly}" x2="${width - margin.right + 38}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
    );
    out.push(`<text x="${width - margin.right + 44}" y="${ly + 4}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
