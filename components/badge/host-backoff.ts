// A page that takes a badge host out as fast as it goes in (a framework re-rendering the row, a hostile script) must
// not lock the content script and the page into a loop (each removal is a mutation we answer, each answer one the page
// answers): a row's host goes back at once the first times, then after a growing delay, then no more until the row
// is rendered again after a calm spell.

/** A host taken out this soon after it went in counts against the row; one that stayed longer clears the count. */
const QUICK_MS = 500;
/** Quick removals answered at once (a render or two in a row is normal). */
const AT_ONCE = 2;
/** The wait after the first quick removal beyond AT_ONCE; it doubles with each one after. */
const FIRST_WAIT_MS = 250;
/** Quick removals after which the row's host stays out (7 insertions in all, over about 4 seconds). */
const GIVE_UP_AFTER = 6;
/** A row given up gets its host back when it is rendered again this long after the last quick removal. */
const CALM_MS = 10_000;

/** The placement record of one row's host. */
export class HostBackoff {
  private quick = 0;
  private placedAt: number | undefined;
  private holdUntil = 0;

  /** The host went into the row at `now`. */
  placed(now: number): void {
    this.placedAt = now;
  }

  /** The host was found out of its row at `now`: judged once per insertion, so a row read again is not a removal. */
  removed(now: number): void {
    if (this.placedAt === undefined) return;
    this.quick = now - this.placedAt < QUICK_MS ? this.quick + 1 : 0;
    this.placedAt = undefined;
    if (this.quick <= AT_ONCE) this.holdUntil = now;
    else if (this.givenUp) this.holdUntil = now + CALM_MS;
    else this.holdUntil = now + FIRST_WAIT_MS * 2 ** (this.quick - AT_ONCE - 1);
  }

  /** The page kept taking the host out: it waits for a re-render of the row after CALM_MS. */
  get givenUp(): boolean {
    return this.quick > GIVE_UP_AFTER;
  }

  /** From when the host may go back in. */
  get until(): number {
    return this.holdUntil;
  }
}
