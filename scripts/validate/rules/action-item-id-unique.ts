import { perRecord } from "../rule.ts";

export const actionItemIdUnique = perRecord("postmortems", {
  id: "action-item-id-unique",
  severity: "error",
  description: "Action item ids are unique within a postmortem (`<postmortem>/<item>` is the global key of its issue).",
  each:
    () =>
    ({ action_items }, report) => {
      const firstIndex = new Map<string, number>();
      action_items.forEach((item, i) => {
        const first = firstIndex.get(item.id);
        if (first === undefined) {
          firstIndex.set(item.id, i);
          return;
        }
        report(
          ["action_items", i, "id"],
          `Action item id \`${item.id}\` is already used by action_items[${first}].`,
          "Give this item a new id; never reuse an id, even of a removed item, or its GitHub issue would be reused too.",
        );
      });
    },
});
