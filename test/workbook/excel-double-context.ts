/**
 * The request context of the Excel API double and the base of its proxies.
 *
 * Like Excel, it queues every call until context.sync(), runs the queue in order, stops at the
 * first failing action without undoing the ones before it, and refuses to read a property that
 * was not loaded and synced (PropertyNotLoaded). It measures each sync's request and response and,
 * like Excel on the web, refuses either over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
 * a get of more than five million cells answers `values: null` (same page, and office-js issue
 * #4783). While the user edits a cell a batch fails with InvalidOperationInCellEditMode unless it
 * was started with `delayForCellEdit: true`, which makes it wait
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 */
import { ExcelDoubleError, WorkbookModel } from "./excel-double-model";
import type { DSheet } from "./excel-double-model";

export interface SyncRecord {
  /** Bytes of the request: the JSON of every queued action's arguments, plus a small envelope each. */
  payloadBytes: number;
  /** Bytes of the response: the JSON of every property loaded. */
  responseBytes: number;
  actions: number;
}

export interface DoubleLimits {
  /** Excel on the web: 5 MB each way. */
  requestBytes: number;
  responseBytes: number;
  /** A get of more cells than this answers values: null. */
  cellsPerGet: number;
}

export const WEB_LIMITS: DoubleLimits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  cellsPerGet: 5_000_000,
};

const ENVELOPE = 60;

export function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

type Action = { run: () => void; bytes: number; label: string };

export interface DoubleOptions {
  /** Excel.RunOptions of the Excel.run this context belongs to. */
  delayForCellEdit?: boolean;
  limits?: Partial<DoubleLimits>;
}

export class DoubleContextBase {
  readonly syncs: SyncRecord[] = [];
  readonly limits: DoubleLimits;
  readonly delayForCellEdit: boolean;
  private queue: Action[] = [];
  private response = 0;
  /** Sheets added by the batch under way (Excel on the web ignores activating them in it). */
  readonly addedInBatch = new Set<DSheet>();
  /** Every property and method name the code under test used, for checking API versions in tests. */
  readonly used = new Set<string>();

  constructor(
    readonly model: WorkbookModel,
    /** The highest ExcelApi version this "Excel" supports, as major + minor / 100: 1.18, 1.09, 1.01. */
    readonly apiVersion = 1.18,
    options: DoubleOptions = {}
  ) {
    this.limits = { ...WEB_LIMITS, ...options.limits };
    this.delayForCellEdit = options.delayForCellEdit === true;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Like Office.context.requirements. */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === "ExcelApi" &&
      (minVersion === undefined || versionNumber(minVersion) <= this.apiVersion),
  };

  enqueue(run: () => void, args: unknown = null): void {
    const label =
      args && typeof args === "object" && !Array.isArray(args)
        ? (Object.keys(args)[0] ?? "load")
        : "load";
    this.queue.push({
      run,
      bytes: ENVELOPE + (args === null ? 0 : utf8(JSON.stringify(args) ?? "")),
      label,
    });
  }

  /** Counts loaded data towards the response of the sync under way. */
  respond(value: unknown): void {
    this.response += utf8(JSON.stringify(value) ?? "");
  }

  need(version: number, api: string): void {
    this.used.add(api);
    if (version > this.apiVersion)
      throw new ExcelDoubleError("ApiNotFound", `${api} needs ExcelApi ${formatVersion(version)}`);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    if (this.model.inCellEdit) {
      if (!this.delayForCellEdit) {
        throw new ExcelDoubleError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode"
        );
      }
      await this.model.cellEditEnded();
    }
    const payloadBytes = queue.reduce((n, a) => n + a.bytes, 0);
    const record: SyncRecord = { payloadBytes, responseBytes: 0, actions: queue.length };
    this.syncs.push(record);
    if (payloadBytes > this.limits.requestBytes) {
      throw new ExcelDoubleError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${payloadBytes} bytes`
      );
    }
    this.response = 0;
    this.addedInBatch.clear();
    try {
      // Excel runs a batch in order and stops at the first failing action; earlier ones stay done.
      for (const action of queue) {
        if (this.model.failOn?.(action.label)) {
          this.model.failOn = null;
          throw new ExcelDoubleError("GeneralException", `injected failure at ${action.label}`);
        }
        action.run();
      }
    } finally {
      record.responseBytes = this.response;
    }
    if (record.responseBytes > this.limits.responseBytes) {
      throw new ExcelDoubleError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${record.responseBytes} bytes`
      );
    }
  }
}

export function versionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major + (minor ?? 0) / 100;
}

function formatVersion(v: number): string {
  return `${Math.floor(v)}.${Math.round((v - Math.floor(v)) * 100)}`;
}

/** How a proxy finds its target: when the queue reaches it, or (items of a loaded collection) at once. */
export type Resolver<T> = (() => T | null) | { now: T };

/** Base of every proxy: loaded-property bookkeeping and null-object handling. */
export abstract class Proxy<T> {
  protected target: T | null = null;
  protected resolved = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: DoubleContextBase,
    resolve: Resolver<T>,
    /** Made by an *OrNullObject call (or from one): a missing target is a null object, not an error. */
    protected readonly nullable = false
  ) {
    if (typeof resolve !== "function") {
      this.target = resolve.now;
      this.resolved = true;
      return;
    }
    ctx.enqueue(() => {
      this.target = resolve();
      if (this.target === null && !nullable)
        throw new ExcelDoubleError("ItemNotFound", `${this.constructor.name} not found`);
      this.resolved = true;
    });
  }

  /** Takes the named properties now (for items of a collection being loaded). */
  snapshot(names: string[]): this {
    for (const n of names) this.loaded.set(n, this.read(n));
    return this;
  }

  get isNullObject(): boolean {
    if (!this.resolved)
      throw new ExcelDoubleError("PropertyNotLoaded", "isNullObject read before sync");
    return this.target === null;
  }

  /** The live target, for queued actions. */
  protected live(): T {
    if (this.target === null)
      throw new ExcelDoubleError("InvalidOperation", `${this.constructor.name} is a null object`);
    return this.target;
  }

  /** Snapshot of the named properties, taken when the queue runs. */
  load(props?: string | string[] | { select?: string }): this {
    const names = (
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : (props?.select ?? "").split(",")
    )
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(() => {
      if (this.target === null) return; // loading a null object is allowed; it has no properties
      for (const name of names) {
        const value = this.read(name);
        this.loaded.set(name, value);
        this.ctx.respond(value);
      }
    }, names);
    return this;
  }

  protected loadedValue<V>(name: string): V {
    if (this.target === null && this.resolved)
      throw new ExcelDoubleError("InvalidOperation", `${name} of a null object`);
    if (!this.loaded.has(name)) {
      throw new ExcelDoubleError(
        "PropertyNotLoaded",
        `${this.constructor.name}.${name} was not loaded and synced`
      );
    }
    return this.loaded.get(name) as V;
  }

  protected setLater(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.delete(name);
    this.ctx.enqueue(() => apply(this.live()), { [name]: value });
  }

  /** Reads a property from the live target for load(). */
  protected abstract read(name: string): unknown;
}

/** A ClientResult<T>: its value is there once the sync that computed it has run. */
export class DoubleResult<T> {
  private done = false;
  private result: T | undefined;
  set(v: T): void {
    this.result = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done)
      throw new ExcelDoubleError("PropertyNotLoaded", "ClientResult.value read before sync");
    return this.result as T;
  }
}
