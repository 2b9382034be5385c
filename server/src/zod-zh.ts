import { z } from 'zod';

/** zod's own messages in Simplified Chinese, for every schema of the server (config and API). */
z.config(z.locales.zhCN());
