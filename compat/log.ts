// One logger for the runtime, replaceable (tests capture it; apps route it to their own logger).
export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

let current: Logger = {
  warn: (message) => console.warn(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

export function setLogger(logger: Logger): Logger {
  const previous = current;
  current = logger;
  return previous;
}

export function log(): Logger {
  return current;
}
