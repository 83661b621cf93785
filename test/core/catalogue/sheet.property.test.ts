import fc from "fast-check";
import { catalogueToSheet, catalogueFromGrid } from "../../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { canonicalJson, catalogueVersion } from "../../../src/core/catalogue/version";
import type { Catalogue, Indicator, TargetKind, UnitKind } from "../../../src/core/model/catalogue";
import { unitKey } from "../../../src/core/read/match";
import { planToGrid } from "../../helpers/plan-grid";

/** Rates as people write them: whole basis points (3.25% = 0.0325). */
const rate = (max: number) => fc.integer({ min: 0, max: max * 10000 }).map((bp) => bp / 10000);
/** Values with up to two decimals, as sheets hold them. */
const amount = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
/** Text without the separators of the alias and co-unit lists, and not all blank. */
const word = fc.string({
  unit: fc.constantFrom(..."青稞油菜牦牛藏羊科技局ABCxyz()（）12-"),
  minLength: 1,
  maxLength: 8,
});

const NUMERIC: TargetKind[] = ["at_least", "greater_than", "at_most", "approx"];

function editIndicator(ind: Indicator): fc.Arbitrary<Indicator> {
  const percent = ind.unit === "%";
  const kind: fc.Arbitrary<TargetKind | undefined> =
    ind.kind === undefined || ind.kind === "milestone" || ind.kind === "reach_reference"
      ? fc.constant(ind.kind)
      : fc.constantFrom<TargetKind>(...NUMERIC, "annual_growth");
  return fc
    .record({
      kind,
      value: percent ? amount(0, 100) : amount(0, 100000),
      rate: rate(0.5),
      baseline: fc.option(percent ? amount(0, 100) : amount(0, 100000), { nil: null }),
      weight: amount(0, 10),
      aliases: fc.array(word, { maxLength: 3 }),
      measure: fc.constantFrom<Indicator["measure"]>("level", "flow"),
      integer: fc.boolean(),
      cumulative: fc.boolean(),
      deadlineYear: fc.integer({ min: 2021, max: 2035 }),
      reference: fc.dictionary(fc.integer({ min: 2018, max: 2030 }).map(String), amount(0, 100), {
        maxKeys: 3,
      }),
    })
    .map((e) => {
      const out: Indicator = {
        ...ind,
        aliases: e.aliases,
        baseline: e.baseline,
        weight: e.weight,
        measure: e.measure,
        deadline: `${e.deadlineYear}-12-31`,
      };
      if (e.kind) out.kind = e.kind;
      if (e.kind && NUMERIC.includes(e.kind)) out.target = e.value;
      if (e.kind === "annual_growth") out.target = e.rate;
      if (e.integer) out.integer = true;
      else delete out.integer;
      if (e.cumulative) out.cumulative = true;
      else delete out.cumulative;
      const ref = Object.fromEntries(Object.entries(e.reference).map(([y, v]) => [Number(y), v]));
      if (Object.keys(ref).length) out.reference = ref;
      else delete out.reference;
      return out;
    });
}

const catalogues: fc.Arbitrary<Catalogue> = fc.constant(defaultCatalogue()).chain((base) =>
  fc
    .record({
      indicators: fc.tuple(...base.indicators.map(editIndicator)),
      extraUnits: fc.uniqueArray(
        fc.record({
          name: word.map((w) => `${w}合作社`),
          kind: fc.constantFrom<UnitKind>("bureau", "township", "street", "other"),
        }),
        {
          // Unit names are compared as people write them (brackets and widths folded): unique by that key.
          maxLength: 3,
          selector: (u) => unitKey(u.name),
        }
      ),
      onTrack: rate(0.4),
      extra: rate(0.5),
      dueDays: fc.integer({ min: 0, max: 60 }),
    })
    .map((r) => {
      const content = {
        indicators: r.indicators,
        units: [...base.units, ...r.extraUnits],
        tolerances: { onTrack: r.onTrack, lagging: Number((r.onTrack + r.extra).toFixed(4)) },
        dueDays: r.dueDays,
      };
      return { version: catalogueVersion(content), ...content };
    })
);

describe("any catalogue written as 指标规则 reads back as itself", () => {
  it("holds for edited targets, kinds, baselines, weights, flags, dates, references, units and settings", () => {
    fc.assert(
      fc.property(catalogues, (catalogue) => {
        const { catalogue: back, findings } = catalogueFromGrid(
          planToGrid(catalogueToSheet(catalogue))
        );
        expect(findings).toEqual([]);
        expect(canonicalJson(back)).toBe(canonicalJson(catalogue));
        expect(back!.version).toBe(catalogue.version);
      }),
      { numRuns: 60 }
    );
  });
});
