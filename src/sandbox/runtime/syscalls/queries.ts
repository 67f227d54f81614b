/** Query syscalls: streams (`collect`/`take`/`first`/`unique`/iteration) and pages (`paginate`). */
import type { SerializedQuery } from "../../database/index.ts";
import type { SyscallGroup } from "./table.ts";
import { SyscallError, requireTransaction } from "./context.ts";
import { toJson } from "./values.ts";

export const MULTIPLE_PAGINATED_QUERIES =
  "This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function.";

export const querySyscalls: SyscallGroup = {
  sync: {
    "1.0/queryStream": (call, args: { query: SerializedQuery }) => {
      const queryId = requireTransaction(call, "db.query").startQuery(args.query);
      call.openQueries.add(queryId);
      return { queryId };
    },
    "1.0/queryCleanup": (call, args: { queryId: number }) => {
      const tx = requireTransaction(call, "db.query");
      if (!call.openQueries.delete(args.queryId)) return false;
      tx.closeQuery(args.queryId);
      return true;
    },
  },
  immediate: {
    "1.0/queryStreamNext": (call, args: { queryId: number }) => {
      const { value, done } = requireTransaction(call, "db.query").nextInQuery(args.queryId);
      return { value: value === null ? null : toJson(value), done };
    },
    "1.0/queryPage": (
      call,
      args: {
        query: SerializedQuery;
        cursor: string | null;
        endCursor?: string | null;
        pageSize: number;
        maximumRowsRead?: number | null;
        maximumBytesRead?: number | null;
      },
    ) => {
      const tx = requireTransaction(call, "paginate");
      if (call.paginated) throw new SyscallError(MULTIPLE_PAGINATED_QUERIES);
      call.paginated = true;
      const result = tx.queryPage({
        query: args.query,
        cursor: args.cursor ?? null,
        // An explicit endCursor wins; otherwise a re-run ends where its journal says the page ended.
        endCursor: args.endCursor ?? call.journal?.givenEndCursor ?? null,
        pageSize: args.pageSize,
        maximumRowsRead: args.maximumRowsRead ?? null,
        maximumBytesRead: args.maximumBytesRead ?? null,
      });
      if (call.journal) call.journal.recordedEndCursor = result.continueCursor;
      return {
        page: result.page.map((doc) => toJson(doc)),
        isDone: result.isDone,
        continueCursor: result.continueCursor,
        splitCursor: result.splitCursor,
        pageStatus: result.pageStatus,
      };
    },
  },
};
