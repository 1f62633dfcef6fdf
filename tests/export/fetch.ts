/** An export's body as text, whatever its media type. */
import request from 'supertest';
import type { Express } from 'express';

export async function exportText(app: Express, format: string, query = ''): Promise<string> {
  const res = await request(app)
    .get(`/api/export?format=${format}${query}`)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    })
    .expect(200);
  return res.body as string;
}
