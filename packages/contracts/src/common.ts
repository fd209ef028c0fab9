import { z } from "zod";

/** RFC 9457 problem details, as every 4xx/5xx answer of the API carries them. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe("One entry per offending field, with its JSON path (e.g. body.email)"),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

export const Timestamp = z.iso.datetime({ offset: true });

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
