import { ms, perRecord } from "../rule.ts";

export const publishedAtRequired = perRecord("postmortems", {
  id: "published-at-required",
  severity: "error",
  description: "A published postmortem has `published_at`, not earlier than its incident's resolution.",
  each({ linkedIncidents }) {
    return ({ status, published_at, incident }, report) => {
      const resolvedAt = linkedIncidents.get(incident)?.resolved_at;
      if (status === "published" && published_at === undefined) {
        report(
          ["status"],
          "Status is `published` but `published_at` is missing.",
          "Add `published_at:` with the time it was published (RFC 3339 with offset).",
        );
      } else if (published_at !== undefined && resolvedAt !== undefined && ms(published_at) < ms(resolvedAt)) {
        report(
          ["published_at"],
          `\`published_at\` (${published_at}) is before the incident was resolved (${resolvedAt}).`,
          "Correct `published_at` (check the offset).",
        );
      }
    };
  },
});
