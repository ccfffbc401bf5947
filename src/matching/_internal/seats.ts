/**
 * Seat arrays of mentors with capacities, shared by the assignment solver and the feasibility matcher:
 * mentor `j` holds its rows in `seatRow[seatStart[j] .. seatStart[j] + load[j])`, and each row knows its
 * mentor (`colOf`) and its position there (`posOf`), so both operations are O(1).
 */
export interface Seats {
  readonly seatStart: Int32Array;
  readonly load: Int32Array;
  readonly seatRow: Int32Array;
  readonly colOf: Int32Array;
  readonly posOf: Int32Array;
}

/** Seats row `i` with mentor `j` (which must have a free seat). */
export function seatRow(s: Seats, i: number, j: number): void {
  const p = s.seatStart[j]! + s.load[j]!;
  s.load[j]!++;
  s.seatRow[p] = i;
  s.colOf[i] = j;
  s.posOf[i] = p;
}

/** Frees the seat of row `i` (which must be seated), moving the mentor's last row into the hole. */
export function unseatRow(s: Seats, i: number): void {
  const j = s.colOf[i]!;
  const p = s.posOf[i]!;
  s.load[j]!--;
  const last = s.seatStart[j]! + s.load[j]!;
  const r = s.seatRow[last]!;
  s.seatRow[p] = r;
  s.posOf[r] = p;
  s.colOf[i] = -1;
}
