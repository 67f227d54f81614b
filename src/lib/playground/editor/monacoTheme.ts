/**
 * Translates a Shiki (TextMate) theme into a Monaco theme, so the editors use the same
 * colours as the site's static code. Monaco's TypeScript tokenizer emits a few coarse token
 * names; each gets the colour the Shiki theme gives a representative TextMate scope.
 */
export interface ShikiThemeJson {
  type?: "light" | "dark";
  colors?: Record<string, string>;
  tokenColors?: Array<{ scope?: string | string[]; settings: { foreground?: string; fontStyle?: string } }>;
}

export interface MonacoThemeData {
  base: "vs" | "vs-dark";
  inherit: boolean;
  rules: Array<{ token: string; foreground?: string; fontStyle?: string }>;
  colors: Record<string, string>;
}

/** Monaco token → TextMate scopes to look up, most specific first. */
const TOKEN_SCOPES: Record<string, string[]> = {
  comment: ["comment"],
  string: ["string"],
  "string.escape": ["constant.character.escape", "string"],
  regexp: ["string.regexp", "string"],
  keyword: ["keyword", "storage"],
  number: ["constant.numeric", "constant"],
  type: ["entity.name.type", "support.type", "entity.name"],
  "type.identifier": ["entity.name.type", "support.type", "entity.name"],
  identifier: ["variable", "variable.other"],
  delimiter: ["punctuation", "meta.brace"],
  tag: ["entity.name.tag"],
  "attribute.name": ["entity.other.attribute-name"],
  "attribute.value": ["string"],
};

function scopeColor(theme: ShikiThemeJson, wanted: string): { foreground?: string; fontStyle?: string } | null {
  let best: { score: number; settings: { foreground?: string; fontStyle?: string } } | null = null;
  for (const entry of theme.tokenColors ?? []) {
    const scopes = Array.isArray(entry.scope) ? entry.scope : entry.scope ? entry.scope.split(",").map((s) => s.trim()) : [];
    for (const scope of scopes) {
      if (scope.includes(" ")) continue; // descendant selectors do not apply to a lone scope
      if (wanted === scope || wanted.startsWith(scope + ".")) {
        const score = scope.length;
        if (!best || score > best.score) best = { score, settings: entry.settings };
      }
    }
  }
  return best?.settings ?? null;
}

/** Monaco only accepts #rrggbb / #rrggbbaa: expands #rgb and #rgba. */
function fullHex(color: string): string {
  const digits = color.replace(/^#/, "");
  return "#" + (digits.length === 3 || digits.length === 4 ? [...digits].map((d) => d + d).join("") : digits);
}
const hex = (color: string) => fullHex(color).slice(1);

export function monacoThemeFromShiki(theme: ShikiThemeJson): MonacoThemeData {
  const rules: MonacoThemeData["rules"] = [];
  for (const [token, scopes] of Object.entries(TOKEN_SCOPES)) {
    for (const scope of scopes) {
      const settings = scopeColor(theme, scope);
      if (settings?.foreground) {
        rules.push({ token, foreground: hex(settings.foreground), fontStyle: settings.fontStyle });
        break;
      }
    }
  }
  const colors: Record<string, string> = {};
  for (const key of [
    "editor.background",
    "editor.foreground",
    "editorLineNumber.foreground",
    "editorLineNumber.activeForeground",
    "editor.selectionBackground",
    "editor.lineHighlightBackground",
    "editorCursor.foreground",
    "editorWidget.background",
    "editorIndentGuide.background",
  ]) {
    const value = theme.colors?.[key];
    if (value && /^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value)) colors[key] = fullHex(value);
  }
  return { base: theme.type === "dark" ? "vs-dark" : "vs", inherit: true, rules, colors };
}
