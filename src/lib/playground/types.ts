/** Shapes shared by the playground's build-time loader and its browser island. */

/** Files keyed by their path inside the playground, e.g. `convex/tasks.ts`. */
export type FileMap = Record<string, string>;

export interface PlaygroundConfig {
  title: string;
  /** The file shown first. */
  open: string;
  /** Optional default function to run, e.g. `{ path: "tasks:list", args: {} }`. */
  run?: { path: string; args?: Record<string, unknown> };
  /** Whether `src/App.tsx` is shown as a live preview. */
  preview?: boolean;
}

/** Everything the island needs about one playground, serialisable as island props. */
export interface PlaygroundDefinition {
  id: string;
  config: PlaygroundConfig;
  starter: FileMap;
  /** The finished files: starter overlaid with solution/ (absent in solution = same as starter). */
  solution: FileMap | null;
  hasChecks: boolean;
}
