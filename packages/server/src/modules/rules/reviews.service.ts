import { ensure, instrumentPolicy, overdueReviews as overdue } from "@concordia/core";
import type { Call } from "../../deps.js";
import { catalogOf } from "./catalog.js";

/** The current instruments' overdue reviews, for the secretariat, so the data does not silently age. */
export async function overdueReviews(call: Call, input: { asOf?: string; maxAgeDays: number }) {
  ensure(instrumentPolicy, "validate", call.ctx.actor);
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  const catalog = await catalogOf(call);
  const items = overdue(
    catalog.instruments.map((c) => c.instrument),
    { asOf, maxAgeDays: input.maxAgeDays },
  );
  return { asOf, maxAgeDays: input.maxAgeDays, items };
}
