/** How much of a ladder file Trellis reads at all; its own module so the IPC contract can use it without the YAML parser. */
export const limits = {
  /** Bigger than any real ladder by far (the bundled ones are ~40 kB). */
  maxBytes: 2_000_000,
  maxDepth: 64,
  maxAliasCount: 200,
  /** Stop listing after this many problems in one check: the rest is noise. */
  maxProblems: 200,
};
