let current = {
  warn: (message) => console.warn(message),
  error: (message, error) => error === void 0 ? console.error(message) : console.error(message, error)
};
function setLogger(logger) {
  const previous = current;
  current = logger;
  return previous;
}
function log() {
  return current;
}
export {
  log,
  setLogger
};
