/**
 * Work that should start only once the browser has drawn what React committed so far: its own
 * task after the next frame (style, layout and paint of the page as it is now), so that what it
 * adds is laid out in a frame of its own. Two parts of a screen committed in tasks that run
 * before the next frame are laid out together, in one long frame.
 */

/** Frames stop in a hidden window: at most this long without one, the work goes on anyway. */
export const FRAME_WAIT_MS = 100;

/** Calls `fn` in a task after the next frame (or after FRAME_WAIT_MS without one); the result cancels it. */
export function afterNextFrame(fn: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
  // A timer posted from an animation frame callback runs after that frame's layout and paint.
  const frame = requestAnimationFrame(() => {
    if (done) return;
    stop();
    task = setTimeout(fn, 0);
  });
  // Already a task of its own, after whatever frames there were.
  const fallback = setTimeout(() => {
    if (done) return;
    stop();
    fn();
  }, FRAME_WAIT_MS);
  return () => {
    stop();
    clearTimeout(task);
  };
}
