declare const __VERSION__: string | undefined;

/** Set by scripts/build.mjs from package.json; "dev" when run from source (tests). */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
