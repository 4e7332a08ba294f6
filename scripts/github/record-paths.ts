// The entries of a records root that hold records (what a PR summary compares).
export const RECORD_ROOT_ENTRIES = ["sitrep.config.yaml", "incidents", "postmortems", "runbooks"];
