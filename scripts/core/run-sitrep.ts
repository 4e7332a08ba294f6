// How a printed next step spells a sitrep command: `npm run -s sitrep --`, which starts in about a
// third of the time `npx sitrep` takes (npx looks the command up first; docs/declaring-an-incident.md,
// "The fastest way to run it"), and runs the Node 24 that `npm install` brought. Records
// repositories have the `sitrep` script (init writes it), and so has this repository.
export const SITREP = "npm run -s sitrep --";
