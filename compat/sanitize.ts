// JSON.parse makes `__proto__` and `constructor` ordinary own keys; a handler that merges the body
// into another object would then pollute prototypes. They are deleted in place before anything
// (schema, legacy handler) sees the body. Iterative, so a deeply nested body cannot blow the stack.
export function stripPrototypeKeys(root: unknown): void {
  if (!isWalkable(root)) return;
  let stack: object[] | undefined;
  let node: object | undefined = root;
  while (node) {
    if (Array.isArray(node)) {
      for (const v of node) if (isWalkable(v)) (stack ??= []).push(v);
    } else {
      const o = node as Record<string, unknown>;
      if (Object.hasOwn(o, '__proto__')) delete o['__proto__'];
      if (Object.hasOwn(o, 'constructor')) delete o['constructor'];
      for (const k in o) {
        const v = o[k];
        if (isWalkable(v)) (stack ??= []).push(v);
      }
    }
    node = stack?.pop();
  }
}

// Plain objects and arrays only: a Buffer (raw parser) or class instance is not walked.
function isWalkable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
