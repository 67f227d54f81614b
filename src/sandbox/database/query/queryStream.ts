/** A running `db.query(...)`: an index scan (or search results) fed through the operators. */
import type { Document, SerializedQuery } from "../types.ts";
import { IndexScan } from "./indexScan.ts";
import { OperatorPipeline } from "./operators.ts";
import { planIndexQuery } from "./planQuery.ts";
import type { ReadView } from "./readView.ts";
import { SearchResults } from "../search/searchResults.ts";

export interface DocumentSource {
  next(): Document | null;
}

export class QueryStream {
  private readonly pipeline: OperatorPipeline;
  private readonly source: DocumentSource;

  constructor(view: ReadView, query: SerializedQuery) {
    this.pipeline = new OperatorPipeline(query.operators ?? []);
    if (query.source.type === "Search") {
      this.source = new SearchResults(view, query.source);
    } else {
      const plan = planIndexQuery(view, query.source);
      this.source = new IndexScan(view, plan.table, plan.index.name, plan.interval, plan.order);
    }
  }

  next(): Document | null {
    while (!this.pipeline.isEnded) {
      const doc = this.source.next();
      if (doc === null) return null;
      if (this.pipeline.accept(doc)) return doc;
    }
    return null;
  }
}
