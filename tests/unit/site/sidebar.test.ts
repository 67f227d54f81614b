import { describe, expect, it } from "vitest";
import { buildSidebar, paginationFor, samePath } from "../../../src/lib/site/sidebar";

const lessons = [
  { id: "reactive-model", data: { title: "The reactive model" } },
  { id: "reading-data", data: { title: "Reading data" } },
  { id: "indexes", data: { title: "Indexes" } },
];
const entries = [
  { id: "cors-blocked", data: { title: "CORS blocked" } },
  { id: "unique-multiple-results", data: { title: "unique() returned more than one result" } },
];

type Entry = ReturnType<typeof buildSidebar>[number];
const currentLabels = (sidebar: Entry[]): string[] =>
  sidebar.flatMap((entry) => (entry.type === "link" ? (entry.isCurrent ? [entry.label] : []) : currentLabels(entry.entries)));

describe("samePath", () => {
  it("treats trailing slashes and index.html as the same page", () => {
    expect(samePath("/lessons/indexes/", "/lessons/indexes")).toBe(true);
    expect(samePath("/lessons/indexes/", "/lessons/indexes/index.html")).toBe(true);
    expect(samePath("/", "/index.html")).toBe(true);
    expect(samePath("/lessons/", "/lessons/indexes/")).toBe(false);
  });
});

describe("buildSidebar", () => {
  it("lists Home, every lesson in the given order, every entry, and the playground", () => {
    const sidebar = buildSidebar({ lessons, entries, pathname: "/" });
    expect(sidebar.map((entry) => entry.label)).toEqual(["Home", "Learn", "Troubleshooting", "Playground"]);
    const [, learn, troubleshooting] = sidebar;
    if (learn.type !== "group" || troubleshooting.type !== "group") throw new Error("expected groups");
    expect(learn.entries.map((entry) => entry.type === "link" && entry.href)).toEqual([
      "/lessons/",
      "/lessons/reactive-model/",
      "/lessons/reading-data/",
      "/lessons/indexes/",
    ]);
    expect(troubleshooting.entries.map((entry) => entry.label)).toEqual([
      "Knowledge base",
      "CORS blocked",
      "unique() returned more than one result",
    ]);
    expect(troubleshooting.collapsed).toBe(true);
    expect(currentLabels(sidebar)).toEqual(["Home"]);
  });

  it("marks the current page and unfolds the knowledge base when inside it", () => {
    const sidebar = buildSidebar({ lessons, entries, pathname: "/troubleshooting/cors-blocked" });
    expect(currentLabels(sidebar)).toEqual(["CORS blocked"]);
    const troubleshooting = sidebar[2];
    expect(troubleshooting.type === "group" && troubleshooting.collapsed).toBe(false);
  });
});

describe("paginationFor", () => {
  it("links a lesson to its neighbours in learning order", () => {
    const { prev, next } = paginationFor(lessons, "/lessons/reading-data/");
    expect(prev?.href).toBe("/lessons/reactive-model/");
    expect(prev?.label).toBe("The reactive model");
    expect(next?.href).toBe("/lessons/indexes/");
  });

  it("has no previous link on the first lesson and no next link on the last", () => {
    expect(paginationFor(lessons, "/lessons/reactive-model/").prev).toBeUndefined();
    expect(paginationFor(lessons, "/lessons/indexes/").next).toBeUndefined();
  });

  it("gives other pages no previous/next links", () => {
    expect(paginationFor(lessons, "/troubleshooting/cors-blocked/")).toEqual({ prev: undefined, next: undefined });
  });
});
