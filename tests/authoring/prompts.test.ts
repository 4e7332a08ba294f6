// On a terminal, missing required values are asked for (@clack/prompts). A real pseudo-terminal
// comes from util-linux `script`; the test answers each prompt when it appears.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runInTerminal as runTerminal, SCRIPT } from "../helpers/terminal.ts";

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-prompts-"));
});
afterAll(() => cleanup());

/** The CLI in a pseudo-terminal (tests/helpers/terminal.ts), in the example copy unless told. */
const runInTerminal = (args: string[], answers: [RegExp, string][], cwd = dir) =>
  runTerminal(args, answers, cwd, { SITREP_HANDLE: "akin-b" });

test.skipIf(!existsSync(SCRIPT))("declare asks for title, severity and components on a terminal, offering the choices", async () => {
  const result = await runInTerminal(
    ["declare"],
    [
      [/Title \(what customers see/, "Checkout is down\r"],
      [/\[answered 0\][\s\S]*Severity[\s\S]*SEV4 Low/, "\x1b[B\r"], // arrow down: SEV2
      // The configured components are offered; space picks the first (checkout-api).
      [/\[answered 1\][\s\S]*Affected components[\s\S]*checkout-api[\s\S]*reporting/, " \r"],
      [/\[answered 2\][\s\S]*Impact on checkout-api[\s\S]*major_outage/, "\x1b[B\r"], // partial_outage preselected; down: major_outage
      // What the metrics need: the commander (Enter: you) and when impact began (a wrong answer is asked again).
      [/\[answered 3\][\s\S]*Incident commander[\s\S]*Enter for akin-b/, "\r"],
      [/\[answered 4\][\s\S]*When did customer impact start\?/, "tomorrow\r"],
      [/\[answered 5\][\s\S]*That is `tomorrow`, not a time sitrep understands/, "\x1512:48\r"], // 12:48 in Berlin: 11:48Z
    ],
  );
  expect(result.output).toContain("Declared SEV2 incident 2026-11-22-checkout-is-down");
  expect(result.code).toBe(0);
  const written = readFileSync(path.join(dir, "incidents/2026/2026-11-22-checkout-is-down.md"), "utf8");
  expect(written).toContain("title: Checkout is down\nseverity: SEV2\nstatus: investigating\ncomponents:\n  checkout-api: major_outage\n");
  expect(written).toContain("started_at: 2026-11-22T11:48:00Z\ndetected_at: 2026-11-22T12:00:00Z\n");
  expect(written).toContain("roles:\n  commander: akin-b\n");
});

test.skipIf(!existsSync(SCRIPT))("a wrong answer is asked again with the hint, keeping the earlier answers", async () => {
  const result = await runInTerminal(
    ["maintenance"],
    [
      [/Title \(what customers see\)/, "Ledger upgrade\r"],
      [/\[answered 0\][\s\S]*Start of the window/, "tomorrow\r"],
      [/\[answered 1\][\s\S]*That is `tomorrow`, not a time sitrep understands\. Use a time of day such as 22:12/, "\x15+1d\r"], // Ctrl-U clears the wrong answer
      [/\[answered 2\][\s\S]*End of the window/, "+23h\r"],
      [/\[answered 3\][\s\S]*is not after the start \(2026-11-23T12:00:00Z\)/, "\x15+1d2h\r"],
      [/\[answered 4\][\s\S]*Components under maintenance[\s\S]*reporting/, "\x1b[B\x1b[B\x1b[B\x1b[B \r"], // the fifth: payouts
    ],
  );
  expect(result.output).not.toContain("error:");
  expect(result.output).toContain("Scheduled maintenance 2026-11-23-ledger-upgrade");
  expect(result.code).toBe(0);
  const written = readFileSync(path.join(dir, "incidents/2026/2026-11-23-ledger-upgrade.md"), "utf8");
  expect(written).toContain("title: Ledger upgrade\ntype: maintenance\nstatus: scheduled\ncomponents:\n  payouts: under_maintenance\n");
  expect(written).toContain("scheduled_start: 2026-11-23T12:00:00Z\nscheduled_end: 2026-11-23T14:00:00Z\n");
});

test.skipIf(!existsSync(SCRIPT))(
  "without an id, a terminal offers the open incidents, newest first (no maintenance for acknowledge)",
  async () => {
    const result = await runInTerminal(
      ["acknowledge", "--by", "akin-b"],
      [[/Which incident\?[\s\S]*2026-11-22-checkout-is-down[\s\S]*2026-11-21-payout-status-latency/, "\r"]],
    );
    expect(result.output).toContain("Recorded the acknowledgement of 2026-11-22-checkout-is-down");
    expect(result.output).not.toContain("2026-11-17-checkout-elevated-errors"); // resolved: not offered
    expect(result.output).not.toContain("2027-02-10-card-vault-hsm-migration"); // maintenance is not acknowledged
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, "incidents/2026/2026-11-22-checkout-is-down.md"), "utf8")).toContain(
      "acknowledged_at: 2026-11-22T12:00:00Z\n",
    );
  },
);

test.skipIf(!existsSync(SCRIPT))(
  "update's list puts the open incidents first and the maintenance window after them, where Enter cannot pick it",
  async () => {
    const result = await runInTerminal(
      ["update", "--message", "Still investigating; next update in 30 minutes."],
      [
        [
          /Which incident\?[\s\S]*2026-11-22-checkout-is-down[\s\S]*2026-11-21-payout-status-latency[\s\S]*2027-02-10-card-vault-hsm-migration/,
          "\r",
        ],
        [/Status as of this update/, "\r"],
      ],
    );
    expect(result.output).toContain("Posted an update (investigating) to 2026-11-22-checkout-is-down");
    expect(result.code).toBe(0);
  },
);

test.skipIf(!existsSync(SCRIPT))("init asks for the site and its components", async () => {
  const fresh = copyExampleRepo("sitrep-prompts-init-");
  try {
    const result = await runInTerminal(
      ["init"],
      [
        [/Status site title/, "Acme Status\r"],
        [/\[answered 0\][\s\S]*Public URL of the status site/, "https://status.acme.example\r"],
        [/\[answered 1\][\s\S]*Time zone for displaying times/, "\r"], // default UTC
        [/\[answered 2\][\s\S]*Components customers see/, "api=Public API@Platform, web=Web app\r"],
        [/\[answered 3\][\s\S]*GitHub repository of these records/, "acme/status\r"],
        [/\[answered 4\][\s\S]*Remove the 34 example records/, "\r"], // the default: yes
      ],
      fresh.dir,
    );
    expect(result.output).toContain("Initialised Acme Status (2 components, 34 example records removed)");
    expect(result.code).toBe(0);
    const config = readFileSync(path.join(fresh.dir, "sitrep.config.yaml"), "utf8");
    expect(config).toContain('site:\n  title: "Acme Status"\n  url: "https://status.acme.example"\n');
    expect(config).toContain('  timezone: "UTC"\n');
    expect(config).toContain('repository: "acme/status"');
    expect(config).toContain("components:\n  - id: api\n    name: Public API\n    group: Platform\n  - id: web\n    name: Web app\n");
  } finally {
    fresh.cleanup();
  }
});
