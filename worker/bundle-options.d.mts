// Types of ./bundle-options.mjs (plain JavaScript: platform/build.mjs imports it before anything is compiled).
import type { BundleOptions } from '@temporalio/worker';
export declare const WORKFLOWS_PATH: string;
export declare const SANDBOX_SETUP_PATH: string;
export declare function workflowBundleOptions(logger: NonNullable<BundleOptions['logger']>): BundleOptions;
