/**
 * E's latency-versus-load curve: p99 keystroke → every other editor at each coarse level (20, 40, 60 …
 * meetings of 8), the median over the ramps that reached the level, per server — as a text table and as
 * an SVG written next to the JSON. A level where keystrokes went missing has p99 = ∞ and is drawn at the
 * top of the chart.
 */
import type { ScenarioResult } from './scenarios.js';
import { median } from './stats.js';

/** One point of a curve. */
export interface CurvePoint {
  meetings: number;
  p99: number;
  /** Ramps that measured this level. */
  ramps: number;
}

/** One server's curve. */
export interface Curve {
  name: string;
  points: CurvePoint[];
}

type RawCurve = { meetings: number; p99: number | null }[];

/** The median curve of E's ramps for one server (an E result after the runs' medians are taken). */
export function medianCurve(result: ScenarioResult | undefined): CurvePoint[] {
  const runs = (result?.raw as { runs?: { raw?: { curve?: RawCurve } }[] } | undefined)?.runs ?? [];
  const byLevel = new Map<number, number[]>();
  for (const run of runs) {
    for (const point of run.raw?.curve ?? []) {
      const values = byLevel.get(point.meetings) ?? [];
      values.push(point.p99 ?? Number.POSITIVE_INFINITY);
      byLevel.set(point.meetings, values);
    }
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([meetings, values]) => ({ meetings, p99: median(values), ramps: values.length }));
}

/** The curves as a text table: one row per level, one column per server. */
export function curveTable(curves: Curve[]): string[] {
  const levels = [...new Set(curves.flatMap((c) => c.points.map((p) => p.meetings)))].sort((a, b) => a - b);
  const rows = [['meetings', ...curves.map((c) => c.name)]];
  for (const level of levels) {
    rows.push([
      String(level),
      ...curves.map((c) => {
        const point = c.points.find((p) => p.meetings === level);
        if (!point) return '';
        return Number.isFinite(point.p99) ? String(Math.round(point.p99 * 10) / 10) : '∞';
      }),
    ]);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padStart(widths[i] as number)).join('  ')}`);
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * The curves as an SVG chart: meetings on x, p99 on a log scale on y, the ramp's limit as a line. The
 * legend is below the chart, one server a line across the whole width (beside the chart, 220 px clipped
 * the longest name, "@y/websocket-server 0.1.1 + LevelDB …").
 */
export function curveSvg(curves: Curve[], limitMs: number, caption: string): string {
  const width = 760;
  const plotHeight = 420;
  const legendLine = 18;
  const height = plotHeight + legendLine * curves.length + 10;
  const left = 60;
  const right = 30;
  const top = 40;
  const bottom = 50;
  /** The chart's bottom edge (below it: the x labels, the legend, the caption). */
  const plotBottom = plotHeight - bottom;
  const levels = curves.flatMap((c) => c.points.map((p) => p.meetings));
  const xMax = Math.max(20, ...levels);
  const yMin = 1;
  const yMax = 1000;
  const x = (m: number) => left + (m / xMax) * (width - left - right);
  const y = (ms: number) => {
    const clamped = Math.min(yMax, Math.max(yMin, Number.isFinite(ms) ? ms : yMax));
    return top + (1 - Math.log10(clamped / yMin) / Math.log10(yMax / yMin)) * (plotBottom - top);
  };
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="13">p99 keystroke → every other editor (ms, log) by load (meetings of 8)</text>`,
    `<text x="${left}" y="${height - 8}" font-size="10" fill="#555">${escapeXml(caption)}</text>`,
  ];
  for (const ms of [1, 10, 100, 1000]) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(ms) + 4}" text-anchor="end">${ms === 1000 ? '≥1000/∞' : ms}</text>`,
    );
  }
  for (let m = 0; m <= xMax; m += 20) {
    parts.push(`<text x="${x(m)}" y="${plotBottom + 16}" text-anchor="middle">${m}</text>`);
  }
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${y(limitMs)}" y2="${y(limitMs)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${width - right}" y="${y(limitMs) - 4}" text-anchor="end" fill="#777">limit ${limitMs} ms</text>`,
  );
  curves.forEach((curve, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = curve.points.map((p) => `${x(p.meetings).toFixed(1)},${y(p.p99).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"/>`);
    for (const p of curve.points)
      parts.push(
        `<circle cx="${x(p.meetings).toFixed(1)}" cy="${y(p.p99).toFixed(1)}" r="3" fill="${colour}"/>`,
      );
    const line = plotBottom + 34 + legendLine * i;
    parts.push(
      `<rect x="${left}" y="${line - 10}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${left + 18}" y="${line}">${escapeXml(curve.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
