import { z } from 'zod';

export const teamInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the team').max(80, 'Team name is too long (at most 80 characters)'),
});

export const teamSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.output<typeof teamSchema>;
