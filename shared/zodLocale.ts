import { z } from 'zod';

/** Structural validation errors (wrong type from a buggy caller) also read in Swedish. */
z.config(z.locales.sv());
