/**
 * The built app's chunks as a graph of static imports, for the build plugins that need to know
 * which files load together (first-screen-plugin.ts, compile-hints-plugin.ts).
 */
import type { Rollup } from 'vite';

export interface ChunkGraph {
  chunks: Rollup.OutputChunk[];
  byFile: Map<string, Rollup.OutputChunk>;
  /** What the page loads anyway: the HTML entry and what it imports statically. */
  shell: Set<string>;
  /** Adds `fileName` and what it imports statically to `into`, but not what `known` holds. */
  reach(fileName: string, into: Set<string>, known?: ReadonlySet<string>): void;
}

export function chunkGraph(bundle: Rollup.OutputBundle): ChunkGraph {
  const chunks = Object.values(bundle).filter((output): output is Rollup.OutputChunk => output.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const reach = (fileName: string, into: Set<string>, known: ReadonlySet<string> = new Set()) => {
    if (into.has(fileName) || known.has(fileName)) return;
    into.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) reach(imported, into, known);
  };
  const shell = new Set<string>();
  for (const chunk of chunks) if (chunk.isEntry && chunk.facadeModuleId?.endsWith('.html')) reach(chunk.fileName, shell);
  return { chunks, byFile, shell, reach };
}
