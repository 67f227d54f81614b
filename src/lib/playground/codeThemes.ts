/** The site's Shiki themes, used for the playground's static code and, translated, for Monaco. */
import { shikiThemes } from "../themes";

export const codeThemes = { light: shikiThemes.light, dark: shikiThemes.dark };
