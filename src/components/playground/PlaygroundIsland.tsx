/**
 * The playground's React island. Server-rendered around the static, Shiki-highlighted
 * starter code (its children); hydrated when the playground nears the viewport.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { PlaygroundDefinition } from "../../lib/playground/types";
import { sortPaths } from "../../lib/playground/files";

interface Props {
  definition: PlaygroundDefinition;
  layout: "lesson" | "page";
  children?: ReactNode;
}

export default function PlaygroundIsland({ definition, children }: Props) {
  const [active, setActive] = useState(definition.config.open);
  const staticRef = useRef<HTMLDivElement>(null);
  const paths = sortPaths(Object.keys(definition.starter));

  // Before the editor arrives, tabs switch between the static renders.
  useEffect(() => {
    staticRef.current?.querySelectorAll<HTMLElement>("[data-static-file]").forEach((el) => {
      el.hidden = el.dataset.staticFile !== active;
    });
  }, [active]);

  return (
    <section className="cp-playground" aria-label={`Playground: ${definition.config.title}`}>
      <header className="cp-toolbar">
        <span className="cp-title">{definition.config.title}</span>
      </header>
      <div className="cp-body">
        <div className="cp-editor-column">
          <div className="cp-files" role="tablist" aria-label="Files">
            {paths.map((path) => (
              <button key={path} role="tab" type="button" aria-selected={path === active} onClick={() => setActive(path)}>
                {path}
              </button>
            ))}
          </div>
          <div className="cp-editor-area">
            <div className="cp-static" ref={staticRef}>
              {children}
            </div>
          </div>
        </div>
        <div className="cp-side">
          <div className="cp-panel-tabs" role="tablist" aria-label="Panels">
            <button role="tab" type="button" aria-selected="true">Run</button>
          </div>
          <div className="cp-panel" role="tabpanel">
            <p className="cp-status">Loading the editor…</p>
          </div>
        </div>
      </div>
    </section>
  );
}
