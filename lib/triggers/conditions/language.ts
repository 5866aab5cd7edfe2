import { column } from './target';

/** The ticket's help-center language (ISO code, typed). */
export const language = column('language', 'enum', 'language');
