/** What the troubleshooting page passes to its island for the first render (the rest comes from index.json). */
import type { Frequency, FunctionType } from "../../lib/troubleshooting/types";

export interface EntrySummary {
  slug: string;
  url: string;
  title: string;
  summary: string;
  frequency: Frequency;
  tags: string[];
  functionTypes: FunctionType[];
  hasPlayground: boolean;
}
