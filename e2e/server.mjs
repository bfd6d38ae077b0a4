// A tiny HTTP server standing in for 1688 during the e2e suite. Chromium maps
// every *.1688.com host to it (--host-resolver-rules), so it routes by Host:
//   detail.1688.com /offer/<id>.html    fixture pages (e2e/pages.mjs)
//   <store host>/<path>                 store fixture pages (e2e/pages.mjs buildStorePages),
//                                       e.g. ccgame.1688.com/page/creditdetail.html
//   h5api.m.1688.com /h5/<api>/<v>/     the mtop gateway: shopcard and store modules
//                                       (moduleasyncservice) as JSONP
//                                       (type=jsonp&callback=...) or JSON (CORS),
//                                       optional &delay=<ms>
//   anything else                       404
import { createServer } from 'node:http';
import { buildPages, buildStorePages, moduleBodies, shopcards, MODULE_API, SHOPCARD_API } from './pages.mjs';

/**
 * opts.route(host, url, req): a test file's own routes (e.g. e2e/review-pages.mjs), tried first;
 * {status?, type, body, headers?, delayMs?} or null (delayMs: answered that much later, a slow response).
 */
export async function startServer(opts = {}) {
  const pages = buildPages();
  const storePages = buildStorePages();
  const log = [];
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url, `http://${host}`);
    log.push(`${host}${url.pathname}`);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };

    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const extra = opts.route?.(host, url, req);
    if (extra) {
      const answer = () => send(extra.status ?? 200, extra.type, extra.body, extra.headers);
      return extra.delayMs ? void setTimeout(answer, extra.delayMs) : answer();
    }
    if (host === 'detail.1688.com' || host === 'm.1688.com') {
      const page = pages.get(url.pathname);
      if (!page) return send(404, 'text/plain', 'not found');
      return send(200, 'text/html; charset=utf-8', page.html, page.headers);
    }

    const store = storePages.get(`${host}${url.pathname}`);
    if (store) return send(200, 'text/html; charset=utf-8', store.html, store.headers);

    const api = host === 'h5api.m.1688.com' && [SHOPCARD_API, MODULE_API].find((a) => url.pathname === `/h5/${a}/1.0/`);
    if (api) {
      let body;
      try {
        const data = JSON.parse(url.searchParams.get('data') ?? '{}');
        body = api === SHOPCARD_API
          ? shopcards.get(String(data.offerId))
          : moduleBodies.get(`${JSON.parse(data.params ?? '{}').memberId} ${data.componentKey}`);
      } catch { /* bad data: the failure below */ }
      body ??= { api, v: '1.0', ret: ['FAIL_SYS_ILLEGAL_ACCESS::非法请求'], data: {} };
      const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5000);
      setTimeout(() => {
        const cb = url.searchParams.get('callback');
        if (url.searchParams.get('type') === 'jsonp' && cb && /^[A-Za-z_$][\w$]*$/.test(cb)) {
          send(200, 'application/javascript; charset=utf-8', `${cb}(${JSON.stringify(body)})`);
        } else {
          send(200, 'application/json; charset=utf-8', JSON.stringify(body), {
            'Access-Control-Allow-Origin': req.headers.origin ?? '*',
            'Access-Control-Allow-Credentials': 'true',
          });
        }
      }, delay);
      return undefined;
    }

    return send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    log,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
