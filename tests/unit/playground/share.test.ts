import { describe, expect, it } from "vitest";
import { filesFromHash, shareHash } from "../../../src/lib/playground/state/share";

describe("share links", () => {
  const files = { "convex/tasks.ts": 'export const x = "<é>";\n', "src/App.tsx": "export default () => null;" };

  it("round-trip the files for the same playground", () => {
    expect(filesFromHash(shareHash("tasks", files), "tasks")).toEqual(files);
  });

  it("ignore links to another playground and corrupt data", () => {
    expect(filesFromHash(shareHash("tasks", files), "other")).toBeNull();
    expect(filesFromHash("#playground=tasks&files=%%%", "tasks")).toBeNull();
    expect(filesFromHash("", "tasks")).toBeNull();
  });

  it("refuse paths that climb out of the playground", () => {
    expect(filesFromHash(shareHash("tasks", { "../x.ts": "" }), "tasks")).toBeNull();
  });
});
