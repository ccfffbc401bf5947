/** Inline SVG charts of the monitoring report (no script, no network). */

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One bar of {@link bars}. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color: string;
  /** Text above the bar. @defaultValue the value */
  readonly text?: string;
}

/** Vertical bars on a zero baseline, a value above each; `yMax` fixes the top of the axis (a scale's max). */
export function bars(title: string, items: readonly Bar[], yMax?: number): string {
  const width = 520;
  const height = 200;
  const left = 34;
  const top = 14;
  const bottom = 36;
  const plotH = height - top - bottom;
  const plotW = width - left - 8;
  let max = yMax ?? 0;
  if (yMax === undefined) for (const b of items) max = Math.max(max, b.value);
  if (max <= 0) max = 1;
  const slot = plotW / Math.max(1, items.length);
  const barW = Math.max(3, Math.min(60, slot * 0.7));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(title)}">`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 4}" y2="${top + plotH}" stroke="#889"/>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const y = top + plotH - (plotH * k) / 4;
    const v = (max * k) / 4;
    out.push(
      `<line x1="${left}" y1="${y.toFixed(1)}" x2="${width - 4}" y2="${y.toFixed(1)}" stroke="#eceff3"/>`,
    );
    out.push(
      `<text x="${left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#555">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`,
    );
  }
  items.forEach((b, k) => {
    const h = (plotH * Math.max(0, b.value)) / max;
    const x = left + k * slot + (slot - barW) / 2;
    const y = top + plotH - h;
    out.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${b.color}"><title>${esc(`${b.label}: ${b.text ?? b.value}`)}</title></rect>`,
    );
    out.push(
      `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="10" fill="#222">${esc(b.text ?? String(b.value))}</text>`,
    );
    const label = b.label.length > 12 ? `${b.label.slice(0, 11)}…` : b.label;
    out.push(
      `<text x="${(left + k * slot + slot / 2).toFixed(1)}" y="${top + plotH + 15}" text-anchor="middle" font-size="11" fill="#333">${esc(label)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

/** A horizontal progress bar of a share with a mark at the target. */
export function targetBar(value: number | null, target: number, max: number, text: string): string {
  const w = 220;
  const fill = value === null || max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
  const mark = max <= 0 ? 0 : Math.min(1, Math.max(0, target / max));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w + 70} 18" width="${w + 70}" height="18" role="img" aria-label="${esc(text)}">` +
    `<rect x="0" y="3" width="${w}" height="12" rx="3" fill="#e3e6ea"/>` +
    `<rect x="0" y="3" width="${(w * fill).toFixed(1)}" height="12" rx="3" fill="#2f6fb3"/>` +
    `<line x1="${(w * mark).toFixed(1)}" y1="0" x2="${(w * mark).toFixed(1)}" y2="18" stroke="#c0392b" stroke-width="2"/>` +
    `<text x="${w + 6}" y="14" font-size="11" fill="#222">${esc(text)}</text></svg>`
  );
}
