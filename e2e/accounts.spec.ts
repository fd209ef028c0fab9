import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("a visitor signs up, confirms the email, signs out and signs in again", async ({ page }) => {
  const email = `${unique("ada")}@example.org`;
  const password = "a long and good passphrase";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("Ada Lovelace");

  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("user-menu")).toHaveCount(0);

  await signIn(page, email, password);
  await page.goto("/workspace");
  await expect(page.getByText("Email not verified")).toBeVisible();
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
});
