// `npm start`: build the web app if needed, then run the server (settings from the environment).
import { spawn } from "node:child_process";
import { buildWebIfStale } from "./build-web.mjs";

buildWebIfStale();
const root = new URL("..", import.meta.url).pathname;
const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
  cwd: root,
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
