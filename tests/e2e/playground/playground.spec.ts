/**
 * The playground as a learner meets it: a lesson page, Monaco, the learner's own sandbox.
 * Needs the built site and a running sandbox server (the Playwright global setup starts both).
 */
import { expect, test } from "@playwright/test";
import { LESSON, openPlayground, playground, pushNow, runFunction, sandboxUrl, setFile } from "./helpers";

// Monaco and its TypeScript worker take a while to load in a cold browser.
test.describe.configure({ timeout: 90_000 });

test.skip(!sandboxUrl, "needs a running sandbox server (E2E_SANDBOX_URL)");

const SHOUTING_MESSAGES = `import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const list = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db.query("messages").order("desc").take(20);
  },
});

export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, args) => {
    console.log("sending", args.body);
    return await ctx.db.insert("messages", { author: args.author, body: args.body.toUpperCase() });
  },
});
`;

test("edit a mutation, run it, see the result, its logs and the live data view update", async ({ page }) => {
  await openPlayground(page);
  await setFile(page, "convex/messages.ts", SHOUTING_MESSAGES);
  const output = await runFunction(page, "messages:send", { author: "e2e", body: "hello there" });
  await expect(output.getByTestId("run-result")).toHaveText(/^"[a-z0-9]{20,}"$/);
  await expect(output.getByTestId("run-logs")).toContainText("[LOG]");
  await expect(output.getByTestId("run-logs")).toContainText("hello there");
  await expect(output.getByTestId("run-duration")).toContainText("ms");

  const root = playground(page);
  await root.locator('[role="tab"][data-panel="data"]').click();
  const live = root.locator('[data-query="messages:list"] [data-testid="live-value"]');
  await expect(live).toContainText("HELLO THERE");
  // The table view lists the table with its count and shows the new document.
  const tables = root.getByTestId("tables-view");
  await expect(tables.getByTestId("table-select").locator('option[value="messages"]')).toHaveText(/^messages \(\d+\)$/);
  await tables.getByTestId("table-select").selectOption("messages");
  await expect(tables.getByTestId("table-document").first()).toContainText("HELLO THERE");
  // A second write reaches the data view by subscription, without reloading it.
  await root.locator('[role="tab"][data-panel="run"]').click();
  await runFunction(page, "messages:send", { author: "e2e", body: "second" });
  await root.locator('[role="tab"][data-panel="data"]').click();
  await expect(live).toContainText("SECOND");
  await expect(tables.getByTestId("table-document").first()).toContainText("SECOND");
});

test("a wrong argument type is underlined using the regenerated api types", async ({ page }) => {
  const root = await openPlayground(page);
  await pushNow(page);
  await setFile(
    page,
    "src/App.tsx",
    `import { useMutation } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const send = useMutation(api.messages.send);
  return <button onClick={() => send({ author: 42, body: "x" })}>Send</button>;
}
`,
  );
  await expect(root.locator(".monaco-editor .squiggly-error").first()).toBeVisible({ timeout: 20_000 });
  // The correct call is not underlined.
  await setFile(
    page,
    "src/App.tsx",
    `import { useMutation } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const send = useMutation(api.messages.send);
  return <button onClick={() => send({ author: "me", body: "x" })}>Send</button>;
}
`,
  );
  await expect(root.locator(".monaco-editor .squiggly-error")).toHaveCount(0, { timeout: 20_000 });
});

test("a push error is marked at its file and line", async ({ page }) => {
  const root = await openPlayground(page);
  await setFile(page, "convex/messages.ts", `import { query } from "./_generated/server";\nexport const list = query({ handler: async () => ; });\n`);
  await page.keyboard.press("ControlOrMeta+S");
  await expect(root.getByTestId("push-errors")).toContainText("convex/messages.ts:2");
  await expect(root.locator('[role="tab"][data-file="convex/messages.ts"]')).toHaveClass(/cp-has-error/);
});

test("a runtime error shows the Convex text and links to its troubleshooting entry", async ({ page }) => {
  await openPlayground(page);
  const output = await runFunction(page, "messages:send", {});
  await expect(output.getByTestId("run-error")).toContainText("ArgumentValidationError");
  const link = output.getByTestId("troubleshooting-link").first();
  await expect(link).toHaveAttribute("href", /\/troubleshooting\/argument-validation-error\/?$/);
});

test("the live preview re-renders when a mutation runs from the runner", async ({ page }) => {
  const root = await openPlayground(page);
  await pushNow(page);
  await root.locator('[role="tab"][data-panel="preview"]').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator("form button")).toHaveText("Send", { timeout: 30_000 });
  const body = `from the runner ${Date.now()}`;
  await runFunction(page, "messages:send", { author: "runner", body });
  await root.locator('[role="tab"][data-panel="preview"]').click();
  await expect(frame.locator("li", { hasText: body })).toBeVisible();
});

test("reset restores the starter files and a share link restores shared files", async ({ page, context }) => {
  const root = await openPlayground(page);
  const marker = `// shared ${Date.now()}`;
  await setFile(page, "convex/schema.ts", `${marker}\nexport default undefined;\n`);
  await root.getByTestId("share-button").click();
  await expect(page).toHaveURL(/#playground=reactive-model&files=/);
  const shared = page.url();

  await root.getByTestId("reset-button").click();
  await expect(root.locator(".monaco-editor .view-lines")).toContainText("defineSchema");
  await expect(root.locator(".monaco-editor .view-lines")).not.toContainText(marker);

  const other = await context.browser()!.newContext();
  const second = await other.newPage();
  await second.goto(shared);
  const secondRoot = playground(second);
  await secondRoot.scrollIntoViewIfNeeded();
  await expect(secondRoot).toHaveAttribute("data-editor-state", "ready", { timeout: 30_000 });
  await secondRoot.locator('[role="tab"][data-file="convex/schema.ts"]').click();
  await expect(secondRoot.locator(".monaco-editor .view-lines")).toContainText(marker);
  await other.close();
});

test("two browser contexts see each other's writes only when they share a sandbox", async ({ browser }) => {
  const first = await browser.newContext();
  const a = await first.newPage();
  await openPlayground(a);
  const body = `shared-${Date.now()}`;
  await runFunction(a, "messages:send", { author: "a", body });

  // Same sandbox: a context that starts from the first one's storage (same browser profile).
  const same = await browser.newContext({ storageState: await first.storageState() });
  const b = await same.newPage();
  await openPlayground(b);
  await playground(b).locator('[role="tab"][data-panel="data"]').click();
  await playground(b).locator(".monaco-editor .view-lines").first().click();
  await expect(playground(b).locator('[data-query="messages:list"] [data-testid="live-value"]')).toContainText(body);

  // A fresh context gets its own sandbox and does not see it.
  const fresh = await browser.newContext();
  const c = await fresh.newPage();
  await openPlayground(c);
  await pushNow(c);
  await playground(c).locator('[role="tab"][data-panel="data"]').click();
  await expect(playground(c).locator('[data-query="messages:list"] [data-testid="live-value"]')).toHaveText("[]");
  await first.close();
  await same.close();
  await fresh.close();
});

test("check my work fails on the starter, passes on the solution, and marks the lesson done", async ({ page }) => {
  const root = await openPlayground(page);
  await root.getByTestId("check-button").click();
  const results = root.getByTestId("check-results");
  await expect(results).toContainText("checks failed", { timeout: 30_000 });
  await expect(results).toContainText("countByAuthor");

  await root.getByTestId("solution-button").click();
  await root.getByTestId("check-button").click();
  await expect(results).toContainText("All checks passed", { timeout: 30_000 });
  // The sidebar's link to this lesson now carries the progress mark, and keeps it after a reload.
  const link = page.locator(`a[href$="${LESSON}"][data-lesson-done="true"]`).first();
  await expect(link).toBeAttached();
  await page.reload();
  await expect(page.locator(`a[href$="${LESSON}"][data-lesson-done="true"]`).first()).toBeAttached();
  // The lesson index marks it too.
  await page.goto("/lessons/");
  await expect(page.locator(`main a[href$="${LESSON}"][data-lesson-done="true"]`)).toBeAttached();
});

test("the preview opens in a second window that stays live", async ({ page }) => {
  const root = await openPlayground(page);
  await pushNow(page);
  await root.locator('[role="tab"][data-panel="preview"]').click();
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator("form button")).toHaveText("Send", { timeout: 30_000 });
  const [popup] = await Promise.all([page.waitForEvent("popup"), root.getByTestId("preview-window-button").click()]);
  const frame = popup.frameLocator("iframe");
  await expect(frame.locator("form button")).toHaveText("Send", { timeout: 30_000 });
  // A write from the runner reaches the second window's own client too.
  const body = `second window ${Date.now()}`;
  await runFunction(page, "messages:send", { author: "runner", body });
  await expect(frame.locator("li", { hasText: body })).toBeVisible();
});
