// Types of platform/build.mjs (plain JavaScript because it runs before
// anything is compiled), for the TypeScript that calls it: the test setup.
export declare const ROOT: string;
export declare const DIST: string;
export declare const WORKFLOW_BUNDLE: string;
export declare const ENTRIES: Record<string, string>;
/** esbuild's options for every process (the engine bench compiles an engine with them). */
export declare const ENTRY_BUILD_OPTIONS: import('esbuild').BuildOptions;
export declare function isStale(): boolean;
export declare function build(options?: { log?: (line: string) => void }): Promise<void>;
export declare function buildIfStale(options?: { log?: (line: string) => void }): Promise<void>;
