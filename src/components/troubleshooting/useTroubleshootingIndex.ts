/** Loads /troubleshooting/index.json once the island is on screen. */
import { useEffect, useState } from "react";
import { loadTroubleshootingIndex } from "../../lib/troubleshooting/load-index";
import type { TroubleshootingIndex } from "../../lib/troubleshooting/types";

export type IndexState =
  | { status: "loading" }
  | { status: "ready"; index: TroubleshootingIndex }
  | { status: "failed"; message: string };

export function useTroubleshootingIndex(): IndexState {
  const [state, setState] = useState<IndexState>({ status: "loading" });
  useEffect(() => {
    let active = true;
    loadTroubleshootingIndex().then(
      (index) => active && setState({ status: "ready", index }),
      (error: unknown) => active && setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, []);
  return state;
}
