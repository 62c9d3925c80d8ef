import { describe, expect, it } from 'vitest';
import { renderLogLogChart } from '../src/report/svg-chart.js';

const chart = renderLogLogChart({
  title: 'T',
  xLabel: 'size',
  yLabel: 'time',
  series: [
    {
      name: 'ours <fast>',
      points: [
        { x: 100, y: 1 },
        { x: 1000, y: 10 },
        { x: 10_000, y: 100 },
      ],
    },
    {
      name: 'peer',
      points: [
        { x: 100, y: 10 },
        { x: 1000, y: 1000 },
      ],
    },
  ],
});

function polyline(name: string): [number, number][] {
  const match = new RegExp(`data-series="${name}"[^>]*points="([^"]+)"`).exec(chart);
  if (!match) throw new Error(`no polyline for ${name}`);
  return match[1].split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('renderLogLogChart', () => {
  it('draws one polyline per series, with the names escaped in the legend', () => {
    expect(chart.match(/<polyline/g)).toHaveLength(2);
    expect(chart).toContain('>ours &lt;fast&gt;</text>');
  });

  it('places points on logarithmic axes: each decade is the same distance', () => {
    const [a, b, c] = polyline('ours &lt;fast&gt;');
    expect(b[0] - a[0]).toBeCloseTo(c[0] - b[0], 0);
    expect(a[1] - b[1]).toBeCloseTo(b[1] - c[1], 0);
  });

  it('draws a steeper line for a solver that scales worse', () => {
    const ours = polyline('ours &lt;fast&gt;');
    const peer = polyline('peer');
    const slope = (p: [number, number][]) => (p[0][1] - p[1][1]) / (p[1][0] - p[0][0]);
    expect(slope(peer)).toBeCloseTo(2 * slope(ours), 2);
  });

  it('leaves out points that cannot sit on a log axis', () => {
    const svg = renderLogLogChart({
      title: 'T',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          name: 's',
          points: [
            { x: 10, y: 0 },
            { x: 100, y: 5 },
            { x: 1000, y: 7 },
          ],
        },
      ],
    });
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});
