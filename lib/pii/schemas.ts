import { z } from 'zod';

export const revealFieldInput = z.object({ ticketId: z.uuid(), code: z.string().min(1).max(50) });
export type RevealFieldInput = z.output<typeof revealFieldInput>;
