import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
/** Where `vite` (dev) and `vite preview` forward /api; the server's default port unless overridden. */
const apiTarget = process.env.CONCORDIA_API_URL ?? "http://localhost:3000";

/**
 * The SPA is built into packages/web/dist, which the Fastify server serves.
 * In development `vite` serves it and forwards /api to the server on port 3000
 * (or CONCORDIA_API_URL).
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
});
