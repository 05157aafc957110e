class UsageError extends Error {
}
export {
  UsageError
};
