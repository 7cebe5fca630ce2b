// Runs once in the workflow sandbox, before the SDK freezes its globals
// (a preload module: worker/bundle-options.mjs).
//
// The SDK keeps a promise hook in the sandbox for its stack-trace query: it
// captures a stack, maps every frame through the bundle's source map and
// formats it, for every promise a workflow creates (every await). On a
// simulated year at a tenth that was a third of the workflow thread's CPU
// (README, "Workflow code without stack frames"). We never ask for that
// query, so workflow code captures no stack frames at all. What it costs:
// an error thrown by workflow code carries its message and type but no
// frames (a workflow task failure names the error, not the line).
// Activities run outside the sandbox and keep their stacks; the domain rules
// the workflows call are pure functions, run with full stacks in their own
// tests.
Error.stackTraceLimit = 0;

export {};
