/**
 * `ScoreStream`: the candidates of every proposer from scores, best first (the reading rounds are
 * described in preferences.ts).
 */
import { checkRowCells } from "./denseScores.js";
import type { Instance } from "./instance.js";
import type { PartnerStream, Side } from "./preferences.js";
import { type ScanSource, scanDense } from "./scoreScan.js";
import { insertSorted, selectBest, sortBest } from "./bestSelection.js";

// Local constants, not imports: an imported binding is a load and a check per use in the hot loops.
const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

const TOP_K = 16;
/** Rounds that keep at most this many candidates use the insertion buffer; larger ones quickselect. */
const SELECT_MAX = 64;
/** Round 0 of a line with at least this many times k targets starts from a bar (see `select`). */
const BAR_FROM = 16;

/**
 * Candidates from scores, ordered by (effective score desc, `targetKey` asc). Dense or CSR; for the
 * mentor side over CSR scores the transpose is built once (O(nnz)).
 *
 * Each line is read in rounds: round 0 keeps the best 16 candidates in one pass (an insertion buffer with a
 * rejection threshold, so a random row costs about one comparison per cell); when a line uses them up,
 * the next round keeps the best 4× as many among those after the last one given, and so on. A proposer
 * that ends at rank r costs O(m · log r) reads, never a full sort of its row.
 */
export class ScoreStream implements PartnerStream, ScanSource {
  lastScore = 0;
  readonly targets: number;
  readonly cols: number;
  readonly key: Int32Array;
  readonly dense: Float64Array | null;
  /**
   * The caller's rows read in place (mentee side only): line p is `rows[p]`, read from index 0, and its
   * cells' forbidden-mask index is `p * cols +` the target. Null for a flat matrix or CSR.
   */
  readonly rows: readonly (readonly number[])[] | null;
  readonly forbidden: Uint8Array | null;
  readonly minScore: number;
  /** Dense: cell of (line, target) = line * lineStride + target * targetStride. */
  readonly lineStride: number;
  readonly targetStride: number;
  /** Sparse: cells of a line are start[l] .. start[l + 1], with target, value and row-major cell index. */
  private readonly start: Int32Array | null = null;
  private readonly target: Int32Array | null = null;
  private readonly value: Float64Array | null = null;
  private readonly cell: Int32Array | null = null;
  /** Round 0 of every line, `TOP_K` slots each. */
  private readonly buf: Int32Array;
  private readonly bufScore: Float64Array;
  private readonly len: Int32Array;
  private readonly pos: Int32Array;
  /** Round of each line: 0 = not read yet, r ≥ 1 = reading round r - 1; -1 = exhausted. */
  private readonly round: Int8Array;
  /** Rounds ≥ 1 of each line (allocated only for lines that get that far). */
  private readonly more: (Int32Array | undefined)[];
  private readonly moreScore: (Float64Array | undefined)[];
  /** Scratch of one line for rounds ≥ 1, allocated on first use. */
  private scratchT: Int32Array | null = null;
  private scratchS: Float64Array | null = null;
  /** The k-th best score of the last line whose round 0 kept k, and its gap to that line's best (-1: none). */
  private lastWorst = NEG;
  private lastSpread = -1;
  /**
   * Lines read with such a bar, and those among them that had to be read again; the bar is dropped when
   * more than about one line in eight misses (rows of very different scales).
   */
  private barTries = 0;
  private barMisses = 0;

  /**
   * @param inst - a normalised instance with scores.
   * @param side - whose candidates: mentees' (rows) or mentors' (columns).
   * @param targetKey - tie key of each target (lower = preferred among equal scores).
   */
  constructor(inst: Instance, side: Side, targetKey: Int32Array) {
    const { rows, cols } = inst;
    const lines = side === "mentee" ? rows : cols;
    this.targets = side === "mentee" ? cols : rows;
    this.cols = cols;
    this.key = targetKey;
    this.dense = inst.dense;
    this.rows = inst.scoreRows;
    if (this.rows !== null && side !== "mentee") {
      throw new Error("internal: a mentor-side ScoreStream needs a flat matrix (scoreRows are rows)");
    }
    this.forbidden = inst.forbidden;
    this.minScore = inst.minScore;
    this.lineStride = side === "mentee" ? cols : 1;
    this.targetStride = side === "mentee" ? 1 : cols;
    const csr = inst.csr;
    if (csr !== null) {
      const nnz = csr.col.length;
      if (side === "mentee") {
        const cell = new Int32Array(nnz);
        for (let i = 0; i < rows; i++) {
          for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) cell[k] = i * cols + csr.col[k]!;
        }
        this.start = csr.rowStart;
        this.target = csr.col;
        this.value = csr.value;
        this.cell = cell;
      } else {
        const start = new Int32Array(cols + 1);
        for (let k = 0; k < nnz; k++) start[csr.col[k]! + 1]!++;
        for (let j = 0; j < cols; j++) start[j + 1]! += start[j]!;
        const fill = start.slice(0, cols);
        const target = new Int32Array(nnz);
        const value = new Float64Array(nnz);
        const cell = new Int32Array(nnz);
        for (let i = 0; i < rows; i++) {
          for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) {
            const j = csr.col[k]!;
            const at = fill[j]!++;
            target[at] = i;
            value[at] = csr.value[k]!;
            cell[at] = i * cols + j;
          }
        }
        this.start = start;
        this.target = target;
        this.value = value;
        this.cell = cell;
      }
    }
    this.buf = new Int32Array(lines * TOP_K);
    this.bufScore = new Float64Array(lines * TOP_K);
    this.len = new Int32Array(lines);
    this.pos = new Int32Array(lines);
    this.round = new Int8Array(lines);
    this.more = new Array(lines);
    this.moreScore = new Array(lines);
  }

  next(p: number): number {
    for (;;) {
      const round = this.round[p]!;
      if (round < 0) return -1;
      const at = this.pos[p]!;
      if (round > 0 && at < this.len[p]!) {
        this.pos[p] = at + 1;
        if (round === 1) {
          this.lastScore = this.bufScore[p * TOP_K + at]!;
          return this.buf[p * TOP_K + at]!;
        }
        this.lastScore = this.moreScore[p]![at]!;
        return this.more[p]![at]!;
      }
      // Start the next round, or stop when the last one was not full (no candidates left).
      let afterS = Number.POSITIVE_INFINITY;
      let afterKey = -1;
      if (round > 0) {
        const size = round === 1 ? TOP_K : this.more[p]!.length;
        if (this.len[p]! < size) {
          this.round[p] = -1;
          this.more[p] = undefined;
          this.moreScore[p] = undefined;
          return -1;
        }
        const last = this.len[p]! - 1;
        afterS = round === 1 ? this.bufScore[p * TOP_K + last]! : this.moreScore[p]![last]!;
        afterKey = this.key[round === 1 ? this.buf[p * TOP_K + last]! : this.more[p]![last]!]!;
      }
      if (round === 0) {
        this.len[p] = this.select(p, afterS, afterKey, TOP_K, this.buf, this.bufScore, p * TOP_K);
      } else {
        const size = Math.min(TOP_K * 4 ** Math.min(round, 12), this.targets);
        if (this.scratchT === null) {
          this.scratchT = new Int32Array(this.targets);
          this.scratchS = new Float64Array(this.targets);
        }
        let take: number;
        if (size <= SELECT_MAX) {
          // Few to keep: the same one-pass insertion buffer as round 0 (most cells fail one comparison).
          take = this.select(p, afterS, afterKey, size, this.scratchT, this.scratchS!, 0);
        } else {
          // Many to keep: copy the candidates, then quickselect and sort the best (expected O(m + k log k)).
          // Dense lines first copy only those from a floor drawn from the scores given so far: the
          // line's best less afterS, per rank given, times twice the ranks wanted (scores near the top of
          // a line fall about evenly with rank). When fewer than `size` reach it, all are copied.
          let found = -1;
          if (this.dense !== null || this.rows !== null) {
            const given = (TOP_K * (4 ** round - 1)) / 3;
            const perRank = (this.bufScore[p * TOP_K]! - afterS) / given;
            const floor = afterS - 2 * size * perRank;
            found = this.collect(p, afterS, afterKey, this.scratchT, this.scratchS!, floor);
            if (found < size) found = -1;
          }
          if (found === -1) found = this.collect(p, afterS, afterKey, this.scratchT, this.scratchS!, NEG);
          take = Math.min(found, size);
          if (found > size) selectBest(this.scratchT, this.scratchS!, this.key, 0, found - 1, size);
          sortBest(this.scratchT, this.scratchS!, this.key, 0, take - 1);
        }
        this.more[p] = this.scratchT.slice(0, size);
        this.moreScore[p] = this.scratchS!.slice(0, size);
        this.len[p] = take;
      }
      this.round[p] = round + 1;
      this.pos[p] = 0;
    }
  }

  /**
   * Runs round 0 of every line now, in line order (instead of on each line's first `next`). For the
   * mentee side of a dense matrix this reads the matrix once in row-major order, so it doubles as the
   * check `normalizeInstance` skips with `deferDenseScoreCheck`: the first NaN or +Infinity throws the
   * same `INVALID_SCORE` error. O(n·m) for the first round, as it would cost anyway.
   */
  startAll(): void {
    const rows = this.rows;
    for (let p = 0; p < this.round.length; p++) {
      if (this.round[p] !== 0) continue;
      // The caller's rows: all cells of the row are checked (types too) before any is used, while the
      // row is in cache.
      if (rows !== null) checkRowCells(rows[p]!, p);
      this.len[p] = this.select(p, POS, -1, TOP_K, this.buf, this.bufScore, p * TOP_K);
      this.round[p] = 1;
      this.pos[p] = 0;
    }
  }

  /**
   * One pass over line p: the best `k` candidates that come after (afterS, afterKey) in the stream's
   * order, sorted, into `outT` / `outS` from `base`. Returns how many were found (≤ k).
   */
  private select(
    p: number,
    afterS: number,
    afterKey: number,
    k: number,
    outT: Int32Array,
    outS: Float64Array,
    base: number,
  ): number {
    if (this.dense !== null || this.rows !== null) {
      if (afterS !== POS || this.targets < BAR_FROM * k) {
        return scanDense(this, p, afterS, afterKey, k, outT, outS, base, NEG);
      }
      // Round 0 of a long line: first look only at cells from a bar guessed from the last line read (its
      // k-th best score, less four times the spread of its best k). Rows of one instance are alike, so
      // most lines keep k cells above the bar; a line that does not is read again without it (from cache).
      let found = -1;
      if (this.lastSpread >= 0 && 8 * this.barMisses <= this.barTries + 32) {
        this.barTries++;
        found = scanDense(
          this,
          p,
          afterS,
          afterKey,
          k,
          outT,
          outS,
          base,
          this.lastWorst - 2 * this.lastSpread,
        );
        if (found !== k) this.barMisses++;
      }
      if (found !== k) found = scanDense(this, p, afterS, afterKey, k, outT, outS, base, NEG);
      if (found === k) {
        this.lastWorst = outS[base + k - 1]!;
        this.lastSpread = outS[base]! - this.lastWorst;
      }
      return found;
    }
    const key = this.key;
    const forbidden = this.forbidden;
    const minScore = this.minScore;
    let len = 0;
    let worstS = NEG;
    let worstK = -1;
    const target = this.target!;
    const value = this.value!;
    const cellOf = this.cell!;
    const end = this.start![p + 1]!;
    for (let c = this.start![p]!; c < end; c++) {
      const s = value[c]!;
      if (len === k && s < worstS) continue;
      if (s === NEG || s < minScore || s > afterS) continue;
      const t = target[c]!;
      const kt = key[t]!;
      if (s === afterS && kt <= afterKey) continue;
      if (len === k && s === worstS && kt > worstK) continue;
      if (forbidden !== null && forbidden[cellOf[c]!] !== 0) continue;
      len = insertSorted(outT, outS, base, len, k, t, s, kt, key);
      if (len === k) {
        worstS = outS[base + k - 1]!;
        worstK = key[outT[base + k - 1]!]!;
      }
    }
    return len;
  }

  /**
   * Every candidate of line p after (afterS, afterKey) scoring at least `floor` (dense lines only; CSR
   * lines ignore it), unsorted, into `outT` / `outS`; returns the count.
   */
  private collect(
    p: number,
    afterS: number,
    afterKey: number,
    outT: Int32Array,
    outS: Float64Array,
    floor: number,
  ): number {
    const key = this.key;
    const forbidden = this.forbidden;
    const minScore = this.minScore;
    const rows = this.rows;
    let len = 0;
    if (this.dense !== null || rows !== null) {
      // As in scanDense: the flat matrix from p · lineStride, or the caller's row p from 0.
      const dense: Float64Array | readonly number[] = rows === null ? this.dense! : rows[p]!;
      const shift = rows === null ? 0 : p * this.cols;
      const step = this.targetStride;
      const count = this.targets;
      let cell = rows === null ? p * this.lineStride : 0;
      for (let t = 0; t < count; t++, cell += step) {
        const s = dense[cell]!;
        if (s < floor) continue;
        if (s === NEG || s < minScore || s > afterS || (s === afterS && key[t]! <= afterKey)) continue;
        if (forbidden !== null && forbidden[cell + shift] !== 0) continue;
        outT[len] = t;
        outS[len++] = s;
      }
      return len;
    }
    const target = this.target!;
    const value = this.value!;
    const cellOf = this.cell!;
    const end = this.start![p + 1]!;
    for (let c = this.start![p]!; c < end; c++) {
      const s = value[c]!;
      const t = target[c]!;
      if (s === NEG || s < minScore || s > afterS || (s === afterS && key[t]! <= afterKey)) continue;
      if (forbidden !== null && forbidden[cellOf[c]!] !== 0) continue;
      outT[len] = t;
      outS[len++] = s;
    }
    return len;
  }
}
