/** Small inline SVG charts (no scripts, no network): grouped vertical bars and horizontal progress bars. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * Round axis ticks for counts from 0 to `max`: a step of 1, 2 or 5 × 10ⁿ (never below 1) and at most 5
 * steps, the last at or above `max` (0, 5, 10, 15, 20, 25 rather than 0, 7, 14, 21, 28).
 */
export function roundTicks(max: number): { step: number; ticks: number } {
  const m = Math.max(1, max);
  let step = 1;
  for (let p = 1; step * 5 < m; p *= 10) {
    for (const f of [1, 2, 5]) {
      step = f * p;
      if (step * 5 >= m) break;
    }
    if (step * 5 >= m) break;
  }
  return { step, ticks: Math.max(1, Math.ceil(m / step)) };
}

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** Grouped vertical bars with a value on top of each bar and a legend when there are several series. */
export function barChart(title: string, categories: readonly string[], series: readonly Series[]): string {
  const width = 560;
  const height = 240;
  const left = 36;
  const bottom = 44;
  const top = series.length > 1 ? 34 : 16;
  const plotH = height - top - bottom;
  const plotW = width - left - 10;
  let top0 = 0;
  for (const s of series) for (const v of s.values) top0 = Math.max(top0, v);
  const { step, ticks } = roundTicks(top0);
  const max = step * ticks;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (groupW * 0.8) / series.length);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}">`,
  );
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 6}" y2="${top + plotH}" stroke="#889" />`);
  for (let k = 0; k <= ticks; k++) {
    const y = top + plotH - (plotH * k) / ticks;
    const v = step * k;
    parts.push(`<line x1="${left}" y1="${y}" x2="${width - 6}" y2="${y}" stroke="#e3e6ea" />`);
    parts.push(
      `<text x="${left - 4}" y="${y + 4}" text-anchor="end" font-size="10" fill="#555">${fmt(v)}</text>`,
    );
  }
  for (let c = 0; c < categories.length; c++) {
    const gx = left + c * groupW + groupW * 0.1;
    series.forEach((s, k) => {
      const v = s.values[c] ?? 0;
      const h = (plotH * v) / max;
      const x = gx + k * barW;
      const y = top + plotH - h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escapeXml(`${s.name} ${categories[c]}: ${fmt(v)}`)}</title></rect>`,
      );
      if (v > 0) {
        parts.push(
          `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="10" fill="#222">${fmt(v)}</text>`,
        );
      }
    });
    parts.push(
      `<text x="${(left + c * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11" fill="#333">${escapeXml(categories[c]!)}</text>`,
    );
  }
  if (series.length > 1) {
    series.forEach((s, k) => {
      const x = left + k * 150;
      parts.push(`<rect x="${x}" y="8" width="12" height="12" fill="${s.color}" />`);
      parts.push(`<text x="${x + 16}" y="18" font-size="12" fill="#222">${escapeXml(s.name)}</text>`);
    });
  }
  parts.push("</svg>");
  return parts.join("");
}

export interface HBar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  readonly text: string;
}

/** Horizontal bars, one per row: a label, a filled share of the track, and a text at the end. */
export function hBars(title: string, rows: readonly HBar[], color: string): string {
  const rowH = 22;
  const width = 560;
  const labelW = 200;
  const textW = 90;
  const trackW = width - labelW - textW;
  const height = rows.length * rowH + 8;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}">`,
  ];
  rows.forEach((r, k) => {
    const y = 4 + k * rowH;
    const share = r.max > 0 ? Math.min(1, r.value / r.max) : 0;
    const label = r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" font-size="12" fill="#222">${escapeXml(label)}</text>`,
    );
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${trackW}" height="14" rx="3" fill="#e3e6ea" />`);
    parts.push(
      `<rect x="${labelW}" y="${y + 3}" width="${(trackW * share).toFixed(1)}" height="14" rx="3" fill="${color}" />`,
    );
    parts.push(
      `<text x="${labelW + trackW + 8}" y="${y + 14}" font-size="12" fill="#222">${escapeXml(r.text)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
