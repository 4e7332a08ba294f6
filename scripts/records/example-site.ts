// The template's example configuration is recognised by its site URL: `sitrep init` replaces it,
// and until then nothing scheduled may run as if it were a team's own (docs/github.md).
export const EXAMPLE_SITE_URL = "https://status.lumen.example";
