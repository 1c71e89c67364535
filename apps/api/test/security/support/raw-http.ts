import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with the path sent exactly as given (like `curl --path-as-is`): fetch() would normalise `/./`, `/../`
 * and percent-encoding before an attacker's spelling ever reached the server.
 */
export function rawRequest(baseUrl: string, method: string, path: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered: RawResponse | null = null;
    const req = http.request({ host: hostname, port, method, path, headers: options.headers }, (res) => {
      answered = { status: res.statusCode ?? 0, headers: res.headers, body: '' };
      // A stream that opened (it must not) is read briefly and cut, so the test reports it instead of hanging.
      const cut = setTimeout(() => res.destroy(), 500);
      res.on('data', (chunk) => { answered!.body += String(chunk); });
      res.on('close', () => {
        clearTimeout(cut);
        resolve(answered!);
      });
    });
    req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error(`${method} ${path}: no answer`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The status line arrived, then bytes the client could not parse (a 400 with a body to a HEAD): keep the status.
      if (answered) return resolve(answered);
      // The server closing the connection without an answer (its HTTP parser refusing the request line) is status 0.
      if (error.code === 'ECONNRESET') return resolve({ status: 0, headers: {}, body: error.message });
      reject(new Error(`${method} ${path}: ${error.message}`));
    });
    req.end(options.body);
  });
}

/** Every spelling of `path` a router might resolve to the same route while a naive prefix check would not. */
export function pathSpellings(path: string): string[] {
  const segments = path.split('/').slice(1);
  const encodeFirst = (s: string) => (s.length ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s);
  const encodeAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  const [first, ...rest] = segments;
  const join = (head: string) => ['', head, ...rest].join('/');
  return [
    path,
    join(encodeFirst(first)), // /%61pi/…
    join(encodeAll(first)), // /%61%70%69/…
    join(`${first[0]}%${first.charCodeAt(1).toString(16)}${first.slice(2)}`), // /a%70i/…
    `/${segments.map(encodeFirst).join('/')}`, // every segment
    `/${encodeAll(segments.join('/'))}`, // the whole path, slashes too
    join(`%25${first.charCodeAt(0).toString(16)}${first.slice(1)}`), // double-encoded
    `/${path}`, // //api/…
    `/.${path}`, // /./api/…
    `/x/..${path}`, // /x/../api/…
    `/%2e${path}`, // /%2e/api/…
    `${path}/`, // trailing slash
    `${path}//`,
    path.toUpperCase(),
    join(first[0].toUpperCase() + first.slice(1)),
    path.replace(/\//g, '\\'),
    `${path}%00`,
    `${path};x=1`,
    `${path}?`,
    `${path}#x`,
  ];
}

/** A concrete path for a route pattern: parameters become 1, wildcards a file name. */
export function concretePath(pattern: string): string {
  return pattern.replace(/:[A-Za-z_]+/g, '1').replace(/\*/g, 'x');
}
