import { expect, test } from "@playwright/test";

test("switching to Arabic lays the page out right to left", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("lang-select").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u0600-\u06FF]/);
  // The layout really mirrors: the header's first item now sits on the right.
  const box = await page.getByRole("banner").getByRole("link").first().boundingBox();
  const width = page.viewportSize()!.width;
  expect(box!.x).toBeGreaterThan(width / 2);
});

test("switching to Chinese shows Chinese text, and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("lang-select").selectOption("zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u4E00-\u9FFF]/);
  await page.goto("/members");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u4E00-\u9FFF]/);
});

test("the home page fits a phone screen @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
