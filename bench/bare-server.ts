// Baseline: the smallest Fastify server, started the same way as Concordia (node --import tsx <file>).
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/bare", async () => ({ ok: true }));
const shutdown = () => {
  void app.close().then(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? "127.0.0.1" });
