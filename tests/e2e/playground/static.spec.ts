/**
 * What a reader gets before touching anything, and without a sandbox server:
 * highlighted static code, no editor code until the playground nears the viewport,
 * no layout shift when Monaco arrives, and a clear message when nothing can run.
 */
import { expect, test } from "@playwright/test";
import { LESSON, playground } from "./helpers";

// Monaco and its TypeScript worker take a while to load in a cold browser.
test.describe.configure({ timeout: 90_000 });

const EDITOR_CODE = /monaco|editor\.api|ts\.worker|editor\.worker/i;

test("the lesson shows highlighted starter code and ships no editor code before the playground nears the viewport", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (["script", "worker"].includes(request.resourceType())) scripts.push(request.url());
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(LESSON);
  const root = playground(page);
  // Static, Shiki-highlighted code is in the HTML itself.
  await expect(root.locator(".cp-static pre.astro-code").first()).toBeAttached();
  await expect(root).toHaveAttribute("data-editor-state", "static");
  await page.waitForLoadState("networkidle");
  expect(scripts.filter((url) => EDITOR_CODE.test(url))).toEqual([]);

  const before = await root.locator(".cp-editor-area").boundingBox();
  const panelBefore = await root.locator(".cp-panel").boundingBox();
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute("data-editor-state", "ready", { timeout: 30_000 });
  expect(scripts.some((url) => EDITOR_CODE.test(url))).toBe(true);
  // Same boxes before and after Monaco: nothing moved. (Compare sizes; scrolling moved the page.)
  const after = await root.locator(".cp-editor-area").boundingBox();
  const panelAfter = await root.locator(".cp-panel").boundingBox();
  expect({ w: after!.width, h: after!.height }).toEqual({ w: before!.width, h: before!.height });
  expect({ w: panelAfter!.width, h: panelAfter!.height }).toEqual({ w: panelBefore!.width, h: panelBefore!.height });
});

test("with no sandbox server the editor still opens and the run panel says what to start", async ({ page }) => {
  // Every request to the sandbox server fails, as on a static host with nothing behind it.
  await page.route(/\/api\/sandboxes|\/api\/sandbox\//, (route) => route.abort("connectionrefused"));
  await page.goto(LESSON);
  const root = playground(page);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute("data-editor-state", "ready", { timeout: 30_000 });
  await root.getByTestId("run-button").click();
  await expect(root.getByTestId("server-unreachable")).toContainText("npm start");
  // The editor keeps working.
  await root.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.insertText("// still editable\n");
  await expect(root.locator(".monaco-editor .view-lines").first()).toContainText("still editable");
});

test("keyboard: file tabs, panel tabs and Run are reachable and usable without a mouse", async ({ page }) => {
  await page.goto(LESSON);
  const root = playground(page);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute("data-editor-state", "ready", { timeout: 30_000 });
  const schemaTab = root.locator('[role="tab"][data-file="convex/schema.ts"]');
  await schemaTab.focus();
  await page.keyboard.press("Enter");
  await expect(schemaTab).toHaveAttribute("aria-selected", "true");
  // Arrow keys move between tabs; Enter opens the focused one.
  await page.keyboard.press("ArrowRight");
  const nextTab = root.locator('[role="tab"][data-file="convex/messages.ts"]');
  await expect(nextTab).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(nextTab).toHaveAttribute("aria-selected", "true");
  await expect(root.locator(".monaco-editor .view-lines")).toContainText("mutation");
  await root.getByTestId("run-button").focus();
  await expect(root.getByTestId("run-button")).toBeFocused();
});

test("stacked on a phone: editor above the run panel, nothing wider than the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LESSON);
  const root = playground(page);
  await root.scrollIntoViewIfNeeded();
  const editor = await root.locator(".cp-editor-area").boundingBox();
  const panel = await root.locator(".cp-panel").boundingBox();
  expect(panel!.y).toBeGreaterThan(editor!.y + editor!.height - 1);
  const box = await root.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});
