/** `import { z } from 'zod/mini'` in the page-view build resolves here (see `zodPageView.ts`). */
export * as z from './zodPageView';
