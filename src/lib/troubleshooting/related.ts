/** Entries related to one entry: those sharing the most tags (then function types), at most `limit`. */
interface Related {
  slug: string;
  tags: string[];
  functionTypes: string[];
}

export function relatedEntries<T extends Related>(entry: Related, all: T[], limit = 3): T[] {
  const score = (other: Related) =>
    other.tags.filter((tag) => entry.tags.includes(tag)).length * 2 +
    other.functionTypes.filter((type) => entry.functionTypes.includes(type)).length * 0.5;
  return all
    .filter((other) => other.slug !== entry.slug)
    .map((other) => ({ other, score: score(other) }))
    .filter(({ other }) => other.tags.some((tag) => entry.tags.includes(tag)))
    .sort((a, b) => b.score - a.score || a.other.slug.localeCompare(b.other.slug))
    .slice(0, limit)
    .map(({ other }) => other);
}
