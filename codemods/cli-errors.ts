/** A bad command line: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Input the command line names that cannot be used (a `--spec` file missing or broken): exit 2, nothing written. */
export class InputError extends Error {}
