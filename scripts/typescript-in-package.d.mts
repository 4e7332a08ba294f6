// Types of typescript-in-package.mjs (plain JavaScript: the launcher loads it before any TypeScript).
export function installedAsPackage(): boolean;
export function allowTypeScriptInPackage(packageUrl?: string): void;
export function strippedCacheDir(packageUrl: string): string | undefined;
export function installedNodeModules(packageUrl: string): string | undefined;
export function stripWithCache(source: string, cacheDir: string | undefined): string;
