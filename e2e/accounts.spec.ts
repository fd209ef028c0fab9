import { expect, test } from "@playwright/test";
import { ADMIN, linkFromOutbox, signIn, unique } from "./helpers";

test("a visitor signs up, confirms the email, signs out and signs in again", async ({ page, browser }) => {
  const email = `${unique("ada")}@example.org`;
  const password = "a long and good passphrase";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Signing up creates no session (the answer is the same for a new and an existing address).
  const sent = page.getByTestId("sign-up-sent");
  await expect(sent).toBeVisible();
  await expect(sent).toContainText("Check your inbox");
  await expect(sent).toContainText(email);
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to sign in" })).toHaveAttribute("href", "/sign-in");

  await signIn(page, email, password);
  await expect(page.getByTestId("user-menu")).toContainText("Ada Lovelace");

  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("user-menu")).toHaveCount(0);

  await signIn(page, email, password);
  await page.goto("/workspace");
  await expect(page.getByText("Email not verified")).toBeVisible();

  // Until the address is confirmed, no API token can be created; the form says why.
  const form = page.getByTestId("create-token-form");
  await expect(form.getByTestId("token-create-disabled")).toContainText("Confirm your email address");
  await expect(form.getByRole("button", { name: "Create token" })).toBeDisabled();
  await expect(form.getByRole("checkbox", { name: "Read" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Write" })).toBeChecked();

  // The confirmation link (read from the secretariat's outbox) confirms the address.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, ADMIN.email, ADMIN.password);
  const link = await linkFromOutbox(adminPage, email, "/verify-email");
  expect(link).toContain("/verify-email");
  await adminContext.close();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText("Email address confirmed")).toBeVisible();

  // Then a token can be created, with the scopes chosen (both by default, at least one).
  await page.goto("/workspace");
  await expect(page.getByText("Email verified", { exact: true })).toBeVisible();
  await expect(form.getByTestId("token-create-disabled")).toHaveCount(0);
  await form.getByLabel("Token name").fill("read-only laptop");
  await form.getByRole("checkbox", { name: "Read" }).uncheck();
  await form.getByRole("checkbox", { name: "Write" }).uncheck();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("Choose at least one permission.")).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await form.getByRole("checkbox", { name: "Read" }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-secret")).toContainText("cnc_");
  const row = page.getByTestId("token-row").filter({ hasText: "read-only laptop" });
  await expect(row.getByTestId("token-scope")).toHaveCount(1);
  await expect(row.getByTestId("token-scope")).toHaveAttribute("data-scope", "read");
  await expect(row.getByTestId("token-scope")).toHaveText("Read");
  // The choice stays for the next token.
  await form.getByLabel("Token name").fill("full laptop");
  await expect(form.getByRole("checkbox", { name: "Write" })).not.toBeChecked();
  await form.getByRole("checkbox", { name: "Write" }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const full = page.getByTestId("token-row").filter({ hasText: "full laptop" });
  await expect(full.getByTestId("token-scope")).toHaveText(["Read", "Write"]);
});

test("sign-in with a wrong password shows the server's error", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("problem-alert")).toContainText(/wrong/i);
});

test("sign-up refuses a short password next to the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short");
  await page.getByLabel("Email").fill(`${unique("short")}@example.org`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/at least 12 characters/i).first()).toBeVisible();
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
  await expect(page.getByTestId("sign-up-sent")).toHaveCount(0);
});
