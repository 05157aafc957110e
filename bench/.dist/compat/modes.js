const MODES = ["enforce", "report", "off"];
function isValidationMode(value) {
  return typeof value === "string" && MODES.includes(value);
}
function envValidationMode() {
  const raw = process.env.MIGRATE_API_VALIDATION;
  if (raw === void 0 || raw === "") return void 0;
  const mode = raw.trim().toLowerCase();
  if (!isValidationMode(mode)) throw new Error(`MIGRATE_API_VALIDATION must be one of ${MODES.join(", ")}, got "${raw}"`);
  return mode;
}
function checkMode(value, where) {
  if (value === void 0) return void 0;
  if (!isValidationMode(value)) throw new TypeError(`${where}: validation must be one of ${MODES.join(", ")}, got ${JSON.stringify(value)}`);
  return value;
}
export {
  checkMode,
  envValidationMode,
  isValidationMode
};
