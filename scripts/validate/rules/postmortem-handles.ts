// A published public postmortem is read by customers; the people who responded are not named
// there unless they agreed (decision 0116). A warning at each mention, because naming someone can
// be right (a thank-you they asked for): `keep_handles: true` says so and turns it off.
import type { Finding } from "../../records/finding.ts";
import type { Rule } from "../rule.ts";
import { isPostmortemPublished } from "../../model/postmortem-policy.ts";
import { mentions, publicLines } from "../../model/postmortem-public-text.ts";

export const postmortemHandles: Rule = {
  id: "postmortem-handles",
  severity: "warning",
  description:
    "The public text of a published public postmortem names no person by handle (`@handle`, or a handle sitrep knows), unless `keep_handles: true`.",
  needsConfig: true,
  check({ postmortems, people }) {
    const published = postmortems.filter((p) => isPostmortemPublished(p.data) && p.data.keep_handles !== true);
    // `people` (oncall/known-people.ts over every record) is given wherever postmortems are checked.
    if (published.length === 0 || !people) return [];
    return published.flatMap((record) =>
      mentions(publicLines(record.body), people).map(
        ({ offset, column, handle }) =>
          ({
            file: record.source.path,
            rule: postmortemHandles.id,
            severity: postmortemHandles.severity,
            line: record.source.bodyLine + offset,
            column,
            message: `The public text names \`${handle}\`: a published public postmortem is read by customers.`,
            hint: 'Write the role instead ("the incident commander", "an engineer"), or end the line with `<!-- internal -->` to keep it off the public page; if the people agreed to be named, set `keep_handles: true`.',
          }) satisfies Finding,
      ),
    );
  },
};
