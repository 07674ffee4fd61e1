import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { afterNextFrame, FRAME_WAIT_MS } from '../../../renderer/ui/after-frame';

/** Animation frames by hand: the test says when the browser draws. */
let frames = new Map<number, FrameRequestCallback>();
let nextId = 1;
const drawFrame = () => {
  const due = [...frames.values()];
  frames = new Map();
  for (const cb of due) cb(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    const id = nextId++;
    frames.set(id, cb);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterNextFrame', () => {
  it('runs in its own task after the next frame, not before it nor inside it', () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    vi.advanceTimersByTime(0);
    expect(fn).not.toHaveBeenCalled();
    drawFrame();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('goes on without a frame after FRAME_WAIT_MS (a hidden window draws none)', () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    vi.advanceTimersByTime(FRAME_WAIT_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(frames.size).toBe(0);
  });

  it('runs once when the frame comes and the wait runs out as well', () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    drawFrame();
    vi.advanceTimersByTime(FRAME_WAIT_MS * 2);
    drawFrame();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled, before or after the frame', () => {
    const before = vi.fn();
    afterNextFrame(before)();
    drawFrame();
    vi.advanceTimersByTime(FRAME_WAIT_MS * 2);
    expect(before).not.toHaveBeenCalled();

    const after = vi.fn();
    const cancel = afterNextFrame(after);
    drawFrame();
    cancel();
    vi.advanceTimersByTime(FRAME_WAIT_MS * 2);
    expect(after).not.toHaveBeenCalled();
  });
});
