import { perRecord } from "../rule.ts";
import { toMillis, utcDate } from "../../core/time.ts";

const NAME = /^(\d{4})-(\d{2})-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const fileNameDate = perRecord("incidents", {
  id: "file-name-date",
  severity: "error",
  description:
    "Incident files are named <YYYY-MM-DD>-<slug>.md after the UTC date of started_at (for maintenance: first_scheduled_start if the window moved, else scheduled_start), inside a folder of that year.",
  each: () => (data, report, record) => {
    // A moved window keeps its id (decision 0115): the name follows the window first announced.
    const field =
      data.type === "maintenance"
        ? data.first_scheduled_start
          ? "first_scheduled_start"
          : "scheduled_start"
        : data.started_at
          ? "started_at"
          : "detected_at";
    const time = data[field];
    const match = NAME.exec(record.id);
    if (!match) {
      report(
        [],
        `File name \`${record.id}.md\` is not <YYYY-MM-DD>-<slug>.md.`,
        `Rename it to \`${time ? time.slice(0, 10) : "YYYY-MM-DD"}-short-kebab-slug.md\`.`,
      );
      return;
    }
    const nameDate = `${match[1]}-${match[2]}-${match[3]}`;
    // A time the schema refused reads as undefined (toISOString would throw and abort the run).
    const instant = toMillis(time);
    if (time && instant !== undefined) {
      const date = utcDate(time);
      if (date !== nameDate) {
        const moved =
          field === "scheduled_start"
            ? ` If the window moved, keep the id: add \`first_scheduled_start:\` with the start first announced (\`npx sitrep reschedule\` does this).`
            : "";
        report(
          [field],
          `File name date ${nameDate} differs from ${field} (${date} in UTC).`,
          `Rename the file to \`${date}-${record.id.slice(11)}.md\`, or correct \`${field}\`.${moved}`,
        );
      }
    }
    // The folder the file is in, by the last two slashes (no split of every path into an array).
    const filePath = record.source.path;
    const lastSlash = filePath.lastIndexOf("/");
    const slashBefore = lastSlash > 0 ? filePath.lastIndexOf("/", lastSlash - 1) : -1;
    const yearFolder = slashBefore === -1 ? undefined : filePath.slice(slashBefore + 1, lastSlash);
    if (lastSlash !== -1 && slashBefore === -1) {
      // Directly in incidents/: the description promises a folder of that year, so say so.
      report([], `File dated ${nameDate} is not in a year folder.`, `Move it to incidents/${match[1]}/.`);
    } else if (yearFolder !== undefined && /^\d{4}$/.test(yearFolder) && yearFolder !== match[1]) {
      report([], `File dated ${nameDate} is in the folder ${yearFolder}/.`, `Move it to incidents/${match[1]}/.`);
    }
  },
});
