import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { routesFor } from "../../platform/http/route.js";
import * as items from "./__name__.service.js";

export function __camel__Routes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  route("list__Pascal__Items", ({ query, call }) => items.list__Pascal__Items(call, query));
  route("create__Pascal__Item", ({ body, call }) => items.create__Pascal__Item(call, body));
}
