// The refresh token as an HttpOnly cookie, for the web console: script on the
// page (including injected script) cannot read it, so an XSS cannot carry
// the long-lived credential away, only use the 15-minute access token it can
// already see. SameSite=Strict keeps other sites from sending it (no CSRF on
// refresh/logout); Path=/api/auth keeps it off every other request. Secure is
// set when the request came over HTTPS: intranet deployments often serve
// plain HTTP, where a Secure cookie would never come back.
import type { Request, Response } from 'express';

export const REFRESH_COOKIE = 'cg_refresh';
const COOKIE_PATH = '/api/auth';

export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(/;\s*/)) {
    if (part.startsWith(`${REFRESH_COOKIE}=`)) {
      const value = part.slice(REFRESH_COOKIE.length + 1);
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setRefreshCookie(req: Request, res: Response, token: string, expiresAt: Date, now: Date): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: COOKIE_PATH,
    maxAge: Math.max(0, expiresAt.getTime() - now.getTime()),
  });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH });
}
