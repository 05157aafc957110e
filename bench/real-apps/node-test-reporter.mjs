// A node --test reporter that writes one JSON line per test event (Node 20's built-in reporters are for
// humans, or TAP that needs a parser). Used by the real-app benchmark: pass it with
// --test-reporter=<this file> --test-reporter-destination=<results file>.
export default async function* reporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:start' && event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, file, details, skip, todo } = event.data;
    const error = event.type === 'test:fail' ? details?.error : undefined;
    yield JSON.stringify({
      event: event.type, name, nesting, file, suite: details?.type === 'suite', skip: Boolean(skip || todo),
      error: error ? String(error.cause?.stack ?? error.cause?.message ?? error.stack ?? error.message ?? error) : undefined,
    }) + '\n';
  }
}
