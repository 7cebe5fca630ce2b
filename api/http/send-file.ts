// A stored file as an HTTP answer: its own type (not JSON), its name in UTF-8
// (RFC 6266), and nosniff so a browser never runs it as something else. A
// task's attachment downloads; an incident's photo shows in the page.
import type { Response } from 'express';

export function sendFile(res: Response, file: { contentType: string; fileName: string; bytes: Buffer }, disposition: 'attachment' | 'inline'): undefined {
  res
    .status(200)
    .type(file.contentType)
    .set('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .set('X-Content-Type-Options', 'nosniff')
    .send(file.bytes);
  return undefined;
}
