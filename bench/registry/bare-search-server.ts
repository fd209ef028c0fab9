// Baseline of the search benchmark: the SAME statements the registry search sends once the
// planner's estimate is cached (captured from searchSystems with drizzle's query logger: one
// statement of count and page, two when the estimate was too high), sent one after the other behind
// a bare Fastify route: no auth, no zod, no plugins, no logger, no mapping of the rows. Started the
// same way as Concordia (node --import tsx <file>), with a pool of the same size (10).
import { readFileSync } from "node:fs";
import Fastify from "fastify";
import pg from "pg";

type Statement = { sql: string; params: unknown[] };
const shapes = JSON.parse(readFileSync(process.env.BENCH_SHAPES_FILE!, "utf8")) as Record<string, Statement[]>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get("/bare", async () => ({ ok: true }));
app.get<{ Params: { shape: string } }>("/bare/search/:shape", async (req, reply) => {
  const statements = shapes[req.params.shape];
  if (!statements) return reply.code(404).send({ error: "no such shape" });
  const results = [];
  for (const s of statements) results.push(await pool.query(s.sql, s.params));
  const rows = results.at(-1)!.rows;
  return { items: rows.filter((r) => r.id !== null), matched: rows[0]?.matched ?? 0 };
});
const shutdown = () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? "127.0.0.1" });
