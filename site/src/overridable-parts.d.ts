// The named parts a records repository may replace (config site.overrides), typed as sitrep's own
// components: astro.config.ts aliases each specifier to the override or to the default.
declare module "sitrep:components/Header" {
  const Header: typeof import("./components/Header.astro").default;
  export default Header;
}
declare module "sitrep:components/Footer" {
  const Footer: typeof import("./components/Footer.astro").default;
  export default Footer;
}
