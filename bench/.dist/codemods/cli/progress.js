function progressBar(write, width = 30) {
  let last = -1;
  return {
    update(done, total) {
      const pct = total ? Math.floor(done / total * 100) : 100;
      if (pct === last) return;
      last = pct;
      const fill = Math.round(pct / 100 * width);
      write(`\r[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${String(pct).padStart(3)}% ${done}/${total} files`);
    },
    done() {
      if (last >= 0) write("\r\x1B[2K");
    }
  };
}
export {
  progressBar
};
