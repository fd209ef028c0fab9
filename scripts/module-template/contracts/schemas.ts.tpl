import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.js";

export const __Pascal__Item = z
  .object({
    id: Id,
    organizationId: Id,
    title: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: "__Pascal__Item" });
export type __Pascal__Item = z.infer<typeof __Pascal__Item>;

export const __Pascal__ListQuery = PageQuery;
export const __Pascal__Page = page(__Pascal__Item).extend({
  can: z.object({ create: z.boolean() }).describe("What the caller may do, from the module's policy"),
});

export const Create__Pascal__Body = z.strictObject({
  organizationId: Id,
  title: z.string().trim().min(1).max(200),
});
