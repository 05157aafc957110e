// What normalizing one document needs besides the document: where its text lives (to put a line on
// every diagnostic), how to reach other files for `$ref`s, and the model being filled.
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { DocsModel, DocStyle } from '../model.js';
import { splitPointer } from './yaml-source.js';

export interface SourceDoc {
  file: string;
  value: unknown;
  locate?: (pointer: string) => SourceLocation | undefined;
}

export interface NormalizeContext {
  root: SourceDoc;
  style: DocStyle;
  /** Other files a `$ref` names, by path (joined to the referencing file's folder). Only spec files have them. */
  load?: (file: string) => SourceDoc | undefined;
  /** Doc blocks in source comments: a `$ref` to a component this block lacks may be defined in another
   *  file's block, so it stays as a `$ref` for mergeDocs to inline or report. */
  fragment: boolean;
  model: DocsModel;
  /** `file#pointer` of external schemas already hoisted into components -> their name. */
  hoisted: Map<string, string>;
  /** `file#pointer` of refs being inlined right now, to stop on cycles. */
  inlining: Set<string>;
  /** Sites of the `$ref`s read so far, located when the document is done (settleSites). */
  sites?: Array<{ ref: string; file: string; site: RefSite }>;
  /** Swagger 2.0 media types, when the document declares them. */
  produces?: string[];
  /** The document says `openapi: 3.x` (a doc block or a Swagger 2.0 document does not): its responses have `content`. */
  openapi3?: boolean;
  consumes?: string[];
}

/** Where a `$ref` (or pending component ref) was written: its pointer, and its place once settleSites found it
 *  needed. Plain data, no closure: a kept analysis holds one per `$ref` (closures over the document cost ~4 of
 *  the ~29 MB a 1,000-file analysis kept). */
export interface RefSite {
  pointer: string;
  at?: SourceLocation;
}

/** The site of each `$ref` object, for diagnostics raised in mergeDocs. Keyed by object identity so the model
 *  itself carries no bookkeeping fields. */
export const refSites = new WeakMap<object, RefSite>();

/**
 * A site whose location is only looked up when the document is done: every `$ref` gets a site, almost none is
 * ever reported, and locating each one was a fair share of reading a doc block. A ref to a schema the document
 * defines can never be reported missing, so settleSites locates only the others.
 */
export function refSite(ctx: NormalizeContext, file: string, pointer: string, ref: string): RefSite {
  const site: RefSite = { pointer };
  (ctx.sites ??= []).push({ ref, file, site });
  return site;
}

/** Ends the document's sites (see refSite): locates each ref its own model cannot resolve. */
export function settleSites(ctx: NormalizeContext): void {
  const schemas = ctx.model.schemas;
  for (const { ref, file, site } of ctx.sites ?? []) {
    const name = ref.startsWith(SCHEMA_REF) ? splitPointer(`/${ref.slice(SCHEMA_REF.length)}`)[0] : undefined;
    if (name === undefined || !(name in schemas)) site.at = locate(ctx, file, site.pointer);
  }
  ctx.sites = [];
}

const SCHEMA_REF = '#/components/schemas/';

export function locate(ctx: NormalizeContext, file: string, pointer: string): SourceLocation | undefined {
  if (file === ctx.root.file) return ctx.root.locate?.(pointer) ?? { file, line: 1 };
  const doc = ctx.load?.(file);
  return doc?.locate?.(pointer) ?? { file, line: 1 };
}

export function report(ctx: NormalizeContext, d: Omit<Diagnostic, 'at'> & { file: string; pointer: string }): void {
  const { file, ...rest } = d;
  ctx.model.diagnostics.push({ ...rest, at: locate(ctx, file, d.pointer) });
}

export function splitRef(ref: string): { filePart: string; fragment: string } {
  const hash = ref.indexOf('#');
  return hash < 0 ? { filePart: ref, fragment: '' } : { filePart: ref.slice(0, hash), fragment: ref.slice(hash + 1) };
}

export interface Resolved {
  value: unknown;
  file: string;
  pointer: string;
}

/** Follows a `$ref` written in `file`: `#/x` inside that file, `other.yaml#/x` relative to its folder. */
export function resolveRef(ctx: NormalizeContext, ref: string, file: string): Resolved | undefined {
  const { filePart, fragment } = splitRef(ref);
  let targetFile = file;
  if (filePart) {
    try {
      targetFile = join(dirname(file), decodeURI(filePart));
    } catch {
      return undefined; // malformed %-escape
    }
    if (resolve(targetFile) === resolve(ctx.root.file)) targetFile = ctx.root.file;
  }
  const doc = targetFile === ctx.root.file ? ctx.root : ctx.load?.(targetFile);
  if (!doc) return undefined;
  let value: unknown = doc.value;
  let segments: string[];
  try {
    segments = splitPointer(decodeURIComponent(fragment));
  } catch {
    return undefined;
  }
  for (const seg of segments) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, seg)) return undefined;
    value = (value as Record<string, unknown>)[seg];
  }
  return { value, file: targetFile, pointer: fragment.startsWith('/') || fragment === '' ? fragment : `/${fragment}` };
}

/** Why a `$ref` could not be followed, for its diagnostic. */
export function missingRef(ref: string): string {
  return /^[a-z][\w+.-]*:\/\//i.test(ref)
    ? `$ref '${ref}' is remote and not fetched (a migration does not use the network)`
    : `$ref '${ref}' points to nothing`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
