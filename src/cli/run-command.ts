// How every command ends: its exit code, or a failure on stderr under the command's name. A failure the user can
// fix (a setting, a held lock, a bad argument) is its message alone; anything else keeps its stack for a bug report.
export async function runCommand(
  name: string,
  main: (argv: string[]) => Promise<number>,
  /** The exit code of a failure the user can fix, or undefined for one that is a bug. */
  knownFailure: (error: unknown) => number | undefined,
): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const code = knownFailure(error);
    const text = code !== undefined ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name}: ${text}\n`);
    process.exitCode = code ?? 1;
  }
}
