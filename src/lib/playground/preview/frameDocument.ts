/** The HTML of the sandboxed preview frame: the runtime script, then the learner's modules. */

const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function previewDocument(runtimeUrl: string, modules: Record<string, string>, deploymentUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>body{font:14px/1.4 system-ui,sans-serif;margin:12px;color:#1f2328;background:#fff}</style></head>
<body><div id="root"></div>
<script src="${runtimeUrl}"></script>
<script>playgroundPreview.start(${safeJson(modules)}, ${safeJson(deploymentUrl)});</script>
</body></html>`;
}

/** The page of a second preview window: a trusted shell around the same sandboxed frame. */
export function previewWindowShell(title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/</g, "&lt;")} — preview</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe sandbox="allow-scripts allow-forms" title="Live preview"></iframe></body></html>`;
}
