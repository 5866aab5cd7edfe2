import { z } from 'zod';

/** Hidden and routing inputs of the help-center form; the fields themselves follow the layout. */
export const inquiryFormSchema = z.object({
  _token: z.string().max(300).optional(),
  'f.category': z.string().max(100).optional(),
});

/** A plausible single address: what the confirmation mail may be sent to. */
export const mailAddress = z.email().max(254);
