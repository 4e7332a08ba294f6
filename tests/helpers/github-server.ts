// Moved to testkit/ (shared by tests and bench, ADR 0062); kept so tests written before the move still import it.
export * from "../../testkit/github-server.ts";
