import { writeFileSync, renameSync, unlinkSync, statSync, chmodSync } from "node:fs";
import { dirname, basename, join } from "node:path";
function writeFileAtomic(file, content) {
  const tmp = join(dirname(file), `.migrate-api-tmp-${process.pid}-${basename(file)}`);
  let mode;
  try {
    mode = statSync(file).mode;
  } catch {
  }
  try {
    writeFileSync(tmp, content);
    if (mode !== void 0) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}
export {
  writeFileAtomic
};
