import type { z } from "zod";
import { adminContracts } from "./admin.routes.js";
import { authContracts } from "./auth.routes.js";
import { logContracts } from "./log.routes.js";
import { membersContracts } from "./members.routes.js";
import { registryContracts } from "./registry.routes.js";
import type { RouteContract } from "./route.js";
import { rulesContracts } from "./rules.routes.js";

export type { RouteContract };

const { health, ...adminRest } = adminContracts;

/** The API's route table: one part per module, composed here (health first, then accounts, members, admin, …). */
export const contracts = {
  health,
  ...authContracts,
  ...membersContracts,
  ...adminRest,
  ...logContracts,
  ...rulesContracts,
  ...registryContracts,
  // new modules' routes (npm run new-module adds them above this line)
} as const satisfies Record<string, RouteContract>;

export type Contracts = typeof contracts;
export type RouteName = keyof Contracts;
export type RouteResponse<N extends RouteName> = z.infer<Contracts[N]["response"]>;
export type RouteBody<N extends RouteName> = Contracts[N] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
export type RouteQuery<N extends RouteName> = Contracts[N] extends { query: infer Q extends z.ZodType }
  ? z.input<Q>
  : never;
export type RouteParams<N extends RouteName> = Contracts[N] extends { params: infer P extends z.ZodType }
  ? z.input<P>
  : never;

/** Fills `:name` placeholders of a route path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
