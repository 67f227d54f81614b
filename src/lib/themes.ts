/**
 * The Shiki themes used for code on the site: static code blocks (highlighted at build time
 * by Starlight's Expressive Code, which runs Shiki) and, so colours match, the playground's
 * Monaco editors. Both names are bundled Shiki themes (`shiki/themes`).
 */
export const shikiThemes = {
  light: "github-light",
  dark: "github-dark",
} as const;

export type SiteColorScheme = keyof typeof shikiThemes;

/** The theme for a colour scheme, as Starlight sets it on <html data-theme="light|dark">. */
export function shikiThemeFor(scheme: SiteColorScheme): (typeof shikiThemes)[SiteColorScheme] {
  return shikiThemes[scheme];
}
