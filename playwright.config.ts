import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** End-to-end tests: a real server on a fresh embedded database, driven through Debian's Chromium. */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } }, grepInvert: /@phone/ },
    {
      name: "phone",
      use: { browserName: "chromium", viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      grep: /@phone/,
    },
  ],
  webServer: {
    // The web app is rebuilt when its sources are newer than the build (as `npm test` and `npm start` do).
    command: "node scripts/build-web.mjs && rm -rf .tmp/e2e-data && node --import tsx packages/server/src/main.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      CONCORDIA_DATA_DIR: ".tmp/e2e-data",
      CONCORDIA_ADMIN_EMAIL: "admin@example.org",
      CONCORDIA_ADMIN_PASSWORD: "e2e admin password",
      CONCORDIA_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      CONCORDIA_AUTH_RATE_LIMIT: "1000",
      LOG_LEVEL: "warn",
    },
  },
});
