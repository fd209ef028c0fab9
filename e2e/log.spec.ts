import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, signIn, unique } from "./helpers";

/** A witness key (C2SP cosignature/v1, type 0x04) made once with @concordia/core's formatVerifierKey. */
const WITNESS_KEY = "witness.e2e.example+1cc6b741+BBl/ayPhbIUyxqvIOPrNXqeJvgx2spIDNAOb+os9No1h";

async function notarize(page: Page, title: string, content: string) {
  await page.goto("/log/notarize");
  const form = page.getByTestId("notarize-form");
  await form.getByLabel("Title").fill(title);
  await page.getByTestId("notarize-file").setInputFiles({
    name: "resolution.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(content),
  });
  // The browser computes the SHA-256 itself (WebCrypto), before anything is sent.
  const sha256 = createHash("sha256").update(content).digest("hex");
  await expect(page.getByTestId("notarize-sha256")).toHaveValue(sha256);
  await form.getByRole("button", { name: "Notarize", exact: true }).click();
  await expect(page.getByTestId("notarize-receipt")).toBeVisible();
  return sha256;
}

async function verifyText(page: Page, text: string) {
  await page.getByTestId("receipt-input").fill(text);
  await page.getByTestId("verify-button").click();
  await expect(page.getByTestId("verify-result")).toBeVisible();
}

const stepStatuses = (page: Page) =>
  page.getByTestId("verify-step").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));

test("a notarized document's receipt verifies in the browser; a tampered one fails at the exact step", async ({
  page,
}) => {
  const title = unique("Resolution on AI incident reporting");
  const content = `The text of ${title}, adopted by the Assembly.\n`;
  await signIn(page, ADMIN.email, ADMIN.password);
  const sha256 = await notarize(page, title, content);

  const download = page.waitForEvent("download");
  await page.getByTestId("notarize-receipt").getByTestId("download-receipt").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^concordia-receipt-\d+\.json$/);
  const receiptText = await readFile(await file.path(), "utf8");
  const receipt = JSON.parse(receiptText);
  expect(receipt.format).toBe("concordia-receipt/v1");
  // Only the fingerprint was sent, never the file.
  expect(receipt.record).toContain(sha256);
  expect(receipt.record).not.toContain("adopted by the Assembly");

  // Anyone (here: a fresh browser with no session) checks the receipt.
  const visitor = await page.context().browser()!.newContext();
  const v = await visitor.newPage();
  await v.goto("/verify");
  await verifyText(v, receiptText);
  await expect(v.getByTestId("verify-result")).toHaveAttribute("data-status", "pass");
  expect(await stepStatuses(v)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "pass"]);
  await expect(v.getByTestId("verified-record")).toContainText(title);
  // The key came from the server itself: the page says that this is the weaker check.
  await expect(v.getByTestId("key-warning")).toBeVisible();
  await expect(v.getByTestId("consistency-check")).toHaveAttribute("data-status", "pass");

  // Tampered record: step 2 fails, the proof is not even tried, the content is marked unproven.
  const altered = { ...receipt, record: receipt.record.replace(title, `${title} (amended)`) };
  await verifyText(v, JSON.stringify(altered, null, 2));
  await expect(v.getByTestId("verify-result")).toHaveAttribute("data-status", "fail");
  await expect(v.getByTestId("verify-result")).toContainText("Step 2 failed");
  expect(await stepStatuses(v)).toEqual(["pass", "fail", "pass", "pass", "pass", "skip", "skip"]);
  const leafStep = v.locator('[data-testid="verify-step"][data-step="leafHash"]');
  await expect(leafStep).toContainText("LEAF_HASH_MISMATCH");
  await expect(v.getByText("Not proven", { exact: true })).toBeVisible();

  // Tampered checkpoint (another root hash under the log's signature): the signature step (4) fails.
  const lines = receipt.checkpoint.split("\n");
  lines[2] = lines[2] === `${"A".repeat(43)}=` ? `${"B".repeat(43)}=` : `${"A".repeat(43)}=`;
  await verifyText(v, JSON.stringify({ ...receipt, checkpoint: lines.join("\n") }));
  expect(await stepStatuses(v)).toEqual(["pass", "pass", "pass", "fail", "skip", "skip", "skip"]);
  await expect(v.locator('[data-testid="verify-step"][data-step="signature"]')).toContainText("INVALID_SIGNATURE");

  // Tampered index: the proof no longer leads to the signed root (step 5), or points past the tree.
  await verifyText(v, JSON.stringify({ ...receipt, index: receipt.index + 1 }));
  await expect(v.locator('[data-testid="verify-step"][data-step="inclusion"]')).toHaveAttribute("data-status", "fail");

  // Not a receipt at all: step 1.
  await verifyText(v, '{"format":"something-else"}');
  expect(await stepStatuses(v)).toEqual(["fail", "skip", "skip", "skip", "skip", "skip", "skip"]);

  // The same record fetched by index is verified straight away.
  await v.goto(`/verify?index=${receipt.index}`);
  await expect(v.getByTestId("verify-result")).toHaveAttribute("data-status", "pass");
  await expect(v.getByTestId("receipt-input")).toHaveValue(/concordia-receipt\/v1/);

  // With another log key pasted by the visitor, the signature step fails and names the key.
  await v
    .getByTestId("verifier-key-input")
    .fill("other.example/log+39cdfae1+AUUIoHqpQXB/PrLblMiJeoCywRl0drbeITrCc999hsT/");
  await v.getByTestId("verify-button").click();
  await expect(v.locator('[data-testid="verify-step"][data-step="signature"]')).toHaveAttribute("data-status", "fail");
  await visitor.close();

  // The record's own page.
  await page.goto(`/log/entries/${receipt.index}`);
  await expect(page.getByTestId("entry-type")).toHaveText("notarization");
  await expect(page.getByTestId("entry-record")).toContainText(sha256);
  await expect(page.getByTestId("entry-leaf-hash")).toHaveText(receipt.leafHash);
  await page.getByTestId("verify-entry").click();
  await expect(page).toHaveURL(new RegExp(`/verify\\?index=${receipt.index}$`));
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "pass");
});

test("the log explorer lists records by type, with links to each record and its verification", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await notarize(page, unique("Standard draft"), unique("content"));
  const index = await page.getByTestId("notarize-receipt").getAttribute("data-index");

  await page.goto("/log");
  await expect(page.getByTestId("log-origin")).not.toBeEmpty();
  await expect(page.getByTestId("latest-checkpoint")).toContainText(/\n/);
  await expect(page.getByTestId("growth-chart")).toBeVisible();
  await page.getByLabel("Record type").fill("notarization");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=notarization/);
  const row = page.getByTestId("log-entry-row").first();
  await expect(row).toContainText("notarization");
  await expect(row.getByRole("link", { name: `Verify record no. ${index}` })).toBeVisible();
  await expect(page.getByTestId("checkpoint-row").first()).toBeVisible();

  await page.getByLabel("Record type").fill("no.such.type");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No record of this type")).toBeVisible();

  await page.goto("/log/entries/999999999");
  await expect(page.getByRole("heading", { name: "Record not found" })).toBeVisible();
});

test("a signed-in person without a delegate or secretariat role is refused notarization", async ({ page }) => {
  const email = `${unique("grace")}@example.org`;
  const password = "a long and good passphrase";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace Visitor");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Signing up creates no session: sign in afterwards.
  await expect(page.getByTestId("sign-up-sent")).toBeVisible();
  await signIn(page, email, password);
  await expect(page.getByTestId("user-menu")).toBeVisible();

  await page.goto("/log/notarize");
  await expect(page.getByTestId("no-role-warning")).toBeVisible();
  await page.getByTestId("notarize-form").getByLabel("Title").fill("Not allowed");
  await page.getByTestId("notarize-sha256").fill("ab".repeat(32));
  await page.getByRole("button", { name: "Notarize", exact: true }).click();
  await expect(page.getByTestId("problem-alert")).toBeVisible();
  await expect(page.getByTestId("notarize-receipt")).toHaveCount(0);
});

test("the secretariat registers a member state's witness and removes it", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/witnesses");
  const form = page.getByTestId("register-witness-form");
  await form.getByLabel("Witness verifier key").fill("not a key");
  await form.getByRole("button", { name: "Register the witness" }).click();
  await expect(form.getByText("This is not a valid verifier key", { exact: false })).toBeVisible();

  await form.getByLabel("Witness verifier key").fill(WITNESS_KEY);
  await expect(form.getByText(/Valid key of the witness .*witness\.e2e\.example/)).toBeVisible();
  await form.getByLabel("Member state").selectOption("KE");
  await form.getByRole("button", { name: "Register the witness" }).click();
  const row = page.getByTestId("witness-row").filter({ hasText: "witness.e2e.example" });
  await expect(row).toContainText("Kenya");

  await page.goto("/log");
  await expect(page.getByTestId("witness-row").filter({ hasText: "witness.e2e.example" })).toContainText("Not yet");

  await page.goto("/admin/witnesses");
  await row.getByRole("button", { name: "Remove the witness witness.e2e.example" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
});

test("the verify page and the log fit a phone screen @phone", async ({ page }) => {
  for (const path of ["/verify", "/log"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("navigation").getByRole("link", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/verify$/);
});

test("admitting a member state is a public act: the directory links to its verifiable log entry", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/states");
  const form = page.getByTestId("admit-state-form");
  await form.getByLabel("Country").selectOption("UY");
  await form.getByLabel("Status").selectOption("observer");
  await form.getByRole("button", { name: "Admit" }).click();
  await expect(page.getByTestId("state-row").filter({ hasText: "Uruguay" })).toBeVisible();

  await page.goto("/members");
  const row = page.getByTestId("state-row").filter({ hasText: "Uruguay" });
  await row.getByTestId("state-verify").click();
  await expect(page).toHaveURL(/\/verify\?index=\d+/);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-status", "pass");
  await expect(page.getByText('"country": "UY"').first()).toBeVisible();
});
