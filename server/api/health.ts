/** GET /api/health: the store in use and its counts; 503 while the store cannot be reached. */
import { Router } from 'express';
import type { AppContext } from '../app';

export function healthRouter({ store }: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const counts = await store.counts();
      res.json({ status: 'ok', store: store.kind, counts });
    } catch (err) {
      res.status(503).set('Retry-After', '5').json({
        status: 'unavailable',
        store: store.kind,
        error: { code: 'unavailable', message: `the ${store.kind} store cannot be reached: ${(err as Error).message}` },
      });
    }
  });
  return router;
}
