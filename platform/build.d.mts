// Types of platform/build.mjs (plain JavaScript because it runs before
// anything is compiled), for the TypeScript that calls it: the test setup.
export declare const ROOT: string;
export declare const DIST: string;
export declare const WORKFLOW_BUNDLE: string;
export declare const ENTRIES: Record<string, string>;
export declare function isStale(): boolean;
export declare function build(options?: { log?: (line: string) => void }): Promise<void>;
export declare function buildIfStale(options?: { log?: (line: string) => void }): Promise<void>;
