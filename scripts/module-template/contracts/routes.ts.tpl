import { route } from "./route.js";
import { __Pascal__Item, __Pascal__ListQuery, __Pascal__Page, Create__Pascal__Body } from "./__name__.js";

/** The __name__ module's routes. */
export const __camel__Contracts = {
  list__Pascal__Items: route({
    method: "GET",
    path: "/api/v1/__name__/items",
    summary: "List __name__ items",
    tags: ["__name__"],
    query: __Pascal__ListQuery,
    success: 200,
    response: __Pascal__Page,
  }),
  create__Pascal__Item: route({
    method: "POST",
    path: "/api/v1/__name__/items",
    summary: "Add a __name__ item to an organization",
    tags: ["__name__"],
    body: Create__Pascal__Body,
    success: 201,
    response: __Pascal__Item,
  }),
};
