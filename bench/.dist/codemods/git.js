import { execFileSync } from "node:child_process";
function uncommittedChanges(dir) {
  try {
    const out = execFileSync("git", ["status", "--porcelain", "--", "."], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    });
    return out.split("\n").filter(Boolean).map((l) => l.slice(3));
  } catch {
    return null;
  }
}
export {
  uncommittedChanges
};
