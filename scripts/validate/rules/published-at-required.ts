import { finding, ms, type Rule } from "../rule.ts";

export const publishedAtRequired: Rule = {
  id: "published-at-required",
  severity: "error",
  description: "A published postmortem has `published_at`, not earlier than its incident's resolution.",
  check({ postmortems, incidents }) {
    const incidentById = new Map(incidents.map((i) => [i.id, i]));
    return postmortems.flatMap((record) => {
      const { status, published_at } = record.data;
      if (status === "published" && published_at === undefined) {
        return [finding(publishedAtRequired, record, ["status"], "Status is `published` but `published_at` is missing.",
          "Add `published_at:` with the time it was published (RFC 3339 with offset).")];
      }
      const resolvedAt = incidentById.get(record.data.incident)?.data.resolved_at;
      if (published_at !== undefined && resolvedAt !== undefined && ms(published_at) < ms(resolvedAt)) {
        return [finding(publishedAtRequired, record, ["published_at"],
          `\`published_at\` (${published_at}) is before the incident was resolved (${resolvedAt}).`,
          "Correct `published_at` (check the offset)." )];
      }
      return [];
    });
  },
};
