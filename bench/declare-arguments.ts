// The incident every authoring bench row declares on the example organisation: one SEV2 on a
// component the examples have, so the rows time the same change.
export const DECLARE_ARGUMENTS = [
  "declare",
  "--title",
  "Checkout errors for some merchants",
  "--severity",
  "SEV2",
  "--component",
  "checkout-api=partial_outage",
] as const;
