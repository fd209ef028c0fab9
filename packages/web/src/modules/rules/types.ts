import type { RouteResponse } from "@concordia/contracts";

/** Views of the rules API, named after what they are on screen. */
export type InstrumentSummary = RouteResponse<"listInstruments">["items"][number];
export type InstrumentView = RouteResponse<"getInstrument">;
export type InstrumentData = InstrumentView["instrument"];
export type VersionItem = RouteResponse<"listInstrumentVersions">["items"][number];
export type DiffView = RouteResponse<"diffInstrumentVersions">;
export type RequirementView = RouteResponse<"getRequirement">;
export type RequirementHit = RouteResponse<"searchRequirements">["items"][number];
export type ValidationReport = RouteResponse<"validateInstrument">;
export type PublishedInstrument = RouteResponse<"publishInstrument">;
