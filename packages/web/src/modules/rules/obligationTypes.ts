import type { RouteResponse } from "@concordia/contracts";

/** API views the obligations pages work with, named once. */
export type Evaluation = RouteResponse<"evaluateObligations">;
export type JurisdictionResult = Evaluation["jurisdictions"][number];
export type InstrumentResult = JurisdictionResult["instruments"][number];
export type Obligation = InstrumentResult["obligations"][number];
export type FactTrace = Obligation["trace"][number];
export type Applicability = Obligation["status"];
export type Category = NonNullable<InstrumentResult["category"]>;

export type ComplyOnce = RouteResponse<"complyOnce">;
export type ChecklistItem = ComplyOnce["items"][number];
export type ChecklistEntry = ChecklistItem["anchor"];

export type CoverageMatrix = RouteResponse<"crosswalkCoverage">;
export type CrosswalkPairs = RouteResponse<"crosswalkPairs">;
export type CrosswalkPair = CrosswalkPairs["pairs"][number];
export type CrosswalkList = RouteResponse<"listCrosswalks">;
export type GapAnalysis = RouteResponse<"gapAnalysis">;
export type GapItem = GapAnalysis["items"][number];
export type Coverage = GapItem["coverage"];
export type Relation = CrosswalkPair["relation"];
export type RequirementRef = CrosswalkPair["source"];

export const APPLICABILITIES: readonly Applicability[] = ["applies", "may-apply", "does-not-apply"];
export const COVERAGES: readonly Coverage[] = ["full", "partial", "none"];
export const RELATIONS: readonly Relation[] = ["equal", "subset-of", "superset-of", "intersects-with"];
/** Crosswalk inference depth the API accepts (1 to 4; 3 by default). */
export const HOP_CHOICES = [1, 2, 3, 4] as const;
export const DEFAULT_HOPS = 3;
