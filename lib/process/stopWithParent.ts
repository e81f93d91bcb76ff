/**
 * A process started by another stops when that parent is gone, however the
 * parent ended: it sends itself SIGTERM, so it stops the way it stops on
 * SIGTERM (gracefully where it handles the signal, at once where it does not).
 * For processes whose parent cannot be trusted to pass a signal on or to stop
 * them: `npm run` (npm 11 exits on SIGTERM and leaves its script running) and
 * a benchmark killed with SIGKILL. An orphan is re-parented (to init or a
 * subreaper), so its parent pid changes: that is what is watched, on an
 * unreferenced timer (it never keeps a process alive).
 */
export function stopWithParent(intervalMs = 250): void {
  const parent = process.ppid;
  if (parent <= 1) return; // already an orphan, or a container's init: nothing to watch
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, intervalMs);
  timer.unref();
}
