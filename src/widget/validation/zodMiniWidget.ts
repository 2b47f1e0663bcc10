/** `import { z } from 'zod/mini'` in the ES widget build resolves here (see `zodWidget.ts`). */
export * as z from './zodWidget';
