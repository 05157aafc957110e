// The files as the finish steps leave them, in memory: each step reads what the ones before it wrote, and
// nothing touches the disk until every step has run (`--dry` prints the same changes as a diff instead).
import { existsSync, readFileSync } from 'node:fs';

export interface FileChange { file: string; before: string | null; after: string | null }

export class Workspace {
  private current = new Map<string, string | null>();
  private original_ = new Map<string, string | null>();

  read(file: string): string | null {
    if (this.current.has(file)) return this.current.get(file)!;
    const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
    this.original_.set(file, text);
    this.current.set(file, text);
    return text;
  }

  /** The file as it was on disk before finish. */
  original(file: string): string | null {
    this.read(file);
    return this.original_.get(file) ?? null;
  }

  write(file: string, text: string): void {
    this.read(file);
    this.current.set(file, text);
  }

  remove(file: string): void {
    this.read(file);
    this.current.set(file, null);
  }

  /** Files whose text differs from the disk's; `after: null` is a deletion. */
  changes(): FileChange[] {
    const out: FileChange[] = [];
    for (const [file, after] of this.current) {
      const before = this.original_.get(file) ?? null;
      if (before !== after) out.push({ file, before, after });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file));
  }
}
