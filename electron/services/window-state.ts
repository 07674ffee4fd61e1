import { z } from 'zod';

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.output<typeof windowBoundsSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The remembered bounds, if they are valid and still overlap a connected display by a usable
 * amount; otherwise null, so a window never reopens on a monitor that was unplugged.
 */
export function restorableBounds(stored: unknown, displays: Area[]): WindowBounds | null {
  const parsed = windowBoundsSchema.safeParse(stored);
  if (!parsed.success) return null;
  const b = parsed.data;
  const visible = displays.some((d) => {
    const w = Math.min(b.x + b.width, d.x + d.width) - Math.max(b.x, d.x);
    const h = Math.min(b.y + b.height, d.y + d.height) - Math.max(b.y, d.y);
    return w >= 100 && h >= 100;
  });
  return visible ? b : null;
}
