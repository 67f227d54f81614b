import { expect, test } from "@playwright/test";
import { openPlayground, pushNow, setFile } from "./helpers";
test("debug", async ({ page }) => {
  test.setTimeout(90000);
  const root = await openPlayground(page);
  await pushNow(page);
  await setFile(page, "src/App.tsx", `import { useMutation } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const send = useMutation(api.messages.send);
  return <button onClick={() => send({ author: 42, body: "x" })}>Send</button>;
}
`);
  await page.waitForTimeout(6000);
  console.log("squiggles", await root.locator(".monaco-editor .squiggly-error").count());
  await root.screenshot({ path: "/tmp/pg-squiggle.png" });
});
