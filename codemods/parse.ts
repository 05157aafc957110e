// One parser configuration for every pass that reads source (scan, docs readers, drift check, rules),
// so a file is understood the same way everywhere. Babel's parser is ~10x faster than printing with
// recast, which is why analysis uses it directly and only changed files go through jscodeshift.
import { parse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';
import type { Diagnostic } from './diagnostics.js';

export const SOURCE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

export function parserPlugins(file: string): ParserPlugin[] {
  const ts = /\.[cm]?tsx?$/.test(file);
  const jsx = /\.(jsx|tsx)$/.test(file) || /\.[cm]?js$/.test(file);
  const plugins: ParserPlugin[] = [
    ['decorators', { decoratorsBeforeExport: true }],
    'classProperties',
    'classPrivateProperties',
    'classPrivateMethods',
    'dynamicImport',
    'importAttributes',
    'topLevelAwait',
  ];
  if (ts) plugins.push('typescript');
  if (jsx) plugins.push('jsx');
  return plugins;
}

/** Babel's options for one source file (bench/codemod.ts hands them to its lower-bound row as they are). */
export function parserOptions(file: string): ParserOptions {
  return {
    sourceType: 'unambiguous',
    sourceFilename: file,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    errorRecovery: false,
    plugins: parserPlugins(file),
    tokens: false,
  };
}

/** Parses a source file; a syntax error comes back as a diagnostic with file:line:col, never a throw. */
export function parseSource(code: string, file: string): { ast: File } | { diagnostic: Diagnostic } {
  try {
    const ast = parse(code, parserOptions(file));
    return { ast };
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    return {
      diagnostic: {
        code: 'parse-error',
        severity: 'error',
        message: e.message.replace(/\s*\(\d+:\d+\)$/, ''),
        at: { file, line: e.loc?.line ?? 1, col: (e.loc?.column ?? 0) + 1 },
      },
    };
  }
}
