/**
 * Keeping each sync under Excel on the web's 5 MB limit, which applies to requests and responses
 * alike (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 * Writes are estimated from their JSON as they are queued; reads from the size of what they load.
 */

/** Excel on the web refuses requests over 5 MB; a sync is made well before that. */
export const DEFAULT_PAYLOAD_BUDGET = 1_500_000;
/** Rows of one values block stay under this fraction, so a block and its formats fit in a sync with room. */
export const BLOCK_FRACTION = 4;
/** A conservative allowance for the envelope of each queued action (ids, names, property keys). */
const ACTION_OVERHEAD = 200;

/**
 * What one cell adds to a read's response before anything is known of its text: its value, type,
 * number format and formula as JSON (`"12.5",` `"Double",` `"General",` `"12.5",`) and some room.
 * After each sync the measured size per cell replaces it when larger.
 */
export const CELL_RESPONSE_ESTIMATE = 48;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The size a queued write adds to the request, estimated from its JSON. */
export function estimatePayload(value: unknown): number {
  return ACTION_OVERHEAD + utf8Length(JSON.stringify(value) ?? "");
}

/** Queued writes of one sync; syncs early only when the next write would overflow the budget. */
export class WriteBatch {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number
  ) {}

  /** Call before queueing a write of the given estimated size. */
  async reserve(size: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + size > this.budget) await this.flush();
    this.bytes += size;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}
