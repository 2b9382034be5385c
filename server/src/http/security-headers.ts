import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The pages that Office shows the task pane inside, as frames of its own. Microsoft keeps no
 * single list for add-ins (OfficeDev/office-js#1005 is still open), so these are the hosts its
 * documentation and its people name:
 * - Excel on the web for work files and for consumer OneDrive files: *.officeapps.live.com,
 *   *.sharepoint.com, onedrive.live.com (OfficeDev/office-js#3342; OfficeDev/office-js-docs-pr#4911,
 *   which also names excel.cloud.microsoft);
 * - the Microsoft 365 app, Teams, and *.cloud.microsoft that Microsoft moves its web clients to:
 *   https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements ("Microsoft
 *   365 app host / frame-ancestor permission").
 * Excel on Windows and Mac show the pane as a top-level page in a WebView: no ancestor to allow.
 */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
];

export interface SecurityHeaderOptions {
  scriptSrc: string[];
  /** Origins besides this one the task pane may call: the server address a clerk types in its settings. */
  addinConnectSrc: string[];
}

type Area = 'app' | 'addin' | 'icons';

function areaOf(req: Request): Area {
  // Express matches mount paths case-insensitively, and so does this.
  const path = req.path.toLowerCase();
  if (path.startsWith('/addin/assets/')) return 'icons';
  return path === '/addin' || path.startsWith('/addin/') ? 'addin' : 'app';
}

/**
 * helmet's headers, chosen per request. Only the task pane may be framed, and only by Office;
 * everything else (the approve button included) by no one. HTTPS-only headers
 * (upgrade-insecure-requests, HSTS) go out only on a request that came over HTTPS, to this
 * server's TLS or, with TRUST_PROXY, to the proxy (req.secure): on a plain-HTTP intranet they
 * would send the browser to an https:// address nobody serves, and the pages stay white.
 */
export function securityHeaders({ scriptSrc, addinConnectSrc }: SecurityHeaderOptions): RequestHandler {
  const variants = new Map<string, RequestHandler>();
  const variant = (area: Area, secure: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          scriptSrc,
          frameAncestors: area === 'app' ? ["'none'"] : ["'self'", ...OFFICE_FRAME_ANCESTORS],
          ...(area === 'app' ? {} : { connectSrc: ["'self'", ...addinConnectSrc] }),
          upgradeInsecureRequests: secure ? [] : null,
        },
      },
      strictTransportSecurity: secure,
      // X-Frame-Options cannot name several hosts; frame-ancestors speaks for the pane.
      xFrameOptions: area === 'app' ? { action: 'deny' } : false,
      // Office fetches the ribbon icons from its own pages.
      crossOriginResourcePolicy: { policy: area === 'icons' ? 'cross-origin' : 'same-origin' },
    });
  return (req, res, next) => {
    const area = areaOf(req);
    const key = `${area}:${req.secure}`;
    let handler = variants.get(key);
    if (!handler) variants.set(key, (handler = variant(area, req.secure)));
    handler(req, res, next);
  };
}
