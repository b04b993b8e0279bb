export const id = 625;
export const ids = [625];
export const modules = {

/***/ 2625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deleteCreatedConnection: () => (/* binding */ deleteCreatedConnection),
  warnCleanupFailed: () => (/* binding */ warnCleanupFailed)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 2 modules
var api = __webpack_require__(2306);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/http.ts


const http_systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
/** No HTTP answer after every allowed attempt: refused, reset, timed out. */
class http_NetworkError extends Error {
    name = 'NetworkError';
    operation;
    attempts;
    /** False only when the request surely never reached the server (connection refused). */
    maybeApplied;
    constructor(operation, reason, attempts, maybeApplied) {
        super(`${operation} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`);
        this.operation = operation;
        this.attempts = attempts;
        this.maybeApplied = maybeApplied;
    }
}
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 20_000;
const RETRY_AFTER_CAP_MS = 60_000;
/**
 * The wait before retry number `retry` (1 for the first retry): the server's Retry-After when it
 * gives one (seconds or an HTTP date, capped), else full-jitter exponential backoff.
 */
function retryDelayMs(retry, retryAfter, now, random) {
    const fromServer = parseRetryAfter(retryAfter, now);
    if (fromServer !== undefined)
        return Math.min(fromServer, RETRY_AFTER_CAP_MS);
    return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1)));
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** One dispatcher per run; honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY. Close it when done. */
function http_createDispatcher() {
    return new undici.EnvHttpProxyAgent();
}
/** Certificate failures: never retried, and never worked around by turning verification off. */
const TLS_TRUST_ERRORS = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
class HttpClient {
    #settings;
    constructor(settings) {
        this.#settings = settings;
    }
    /**
     * Sends a request, retrying transient failures as its policy allows. Resolves with the last
     * HTTP answer whatever its status; rejects with NetworkError only when no answer came.
     */
    async send(req) {
        const { maxAttempts, clock, random, log } = this.#settings;
        const policy = req.retry ?? 'idempotent';
        const label = `${req.method} ${new URL(req.url).pathname} (${req.operation})`;
        for (let attempt = 1;; attempt++) {
            const outcome = await this.#attempt(req, attempt);
            const retryable = outcome.response
                ? RETRYABLE_STATUSES.has(outcome.response.status) &&
                    (policy === 'idempotent' || outcome.response.status === 429)
                : !outcome.error?.final && (policy === 'idempotent' || !outcome.error?.maybeApplied);
            if (!retryable || attempt >= maxAttempts) {
                if (outcome.response)
                    return outcome.response;
                const error = outcome.error ?? { reason: 'no answer', maybeApplied: true };
                throw new http_NetworkError(req.operation, error.reason, attempt, error.maybeApplied);
            }
            const delay = retryDelayMs(attempt, outcome.response?.headers['retry-after'], clock.now(), random);
            const what = outcome.response ? `answered HTTP ${outcome.response.status}` : `failed (${outcome.error?.reason})`;
            log.info(`${label} ${what}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${maxAttempts})`);
            await clock.sleep(delay);
        }
    }
    /** An OAuth token request: credentials go in the form body, never in the URL. */
    postForm(operation, url, fields) {
        return this.send({
            operation,
            method: 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString()
        });
    }
    async #attempt(req, attempt) {
        const { dispatcher, userAgent, timeoutMs, log } = this.#settings;
        const signal = AbortSignal.timeout(timeoutMs);
        const headers = { 'user-agent': userAgent, accept: 'application/json', ...req.headers };
        log.debug(`${req.method} ${stripQuery(req.url)} (${req.operation}, attempt ${attempt})`);
        try {
            const response = await (0,undici.request)(req.url, {
                dispatcher,
                method: req.method,
                headers,
                body: req.body ?? null,
                signal
            });
            const body = await response.body.text();
            const flat = flattenHeaders(response.headers);
            log.debug(`${req.method} ${stripQuery(req.url)} answered HTTP ${response.statusCode}` +
                (flat['x-request-id'] ? ` (request id ${flat['x-request-id']})` : ''));
            return { response: { status: response.statusCode, headers: flat, body, attempts: attempt } };
        }
        catch (error) {
            if (signal.aborted) {
                return { error: { reason: `no answer within ${timeoutMs / 1000} s (request-timeout)`, maybeApplied: true } };
            }
            const code = error.code;
            const message = error instanceof Error ? error.message : String(error);
            if (code && TLS_TRUST_ERRORS.has(code)) {
                return {
                    error: {
                        reason: `the TLS certificate of ${new URL(req.url).host} is not trusted (${code}); when a proxy or private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate`,
                        maybeApplied: false,
                        final: true
                    }
                };
            }
            const refused = code === 'ECONNREFUSED';
            return {
                error: {
                    reason: refused ? 'connection refused' : `${code ?? 'network error'}: ${message}`,
                    maybeApplied: !refused
                }
            };
        }
    }
}
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
/** Queries carry only names and ids here, but debug lines show paths alone to stay short. */
function stripQuery(url) {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
}
/** For error bodies, which may be anything: the parsed JSON, or undefined when it is not JSON. */
function http_parseJsonLeniently(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Parses a JSON body, or explains in one line what came back instead. */
function http_parseJsonBody(response, what) {
    const text = response.body.trim();
    const details = { status: response.status, requestId: response.headers['x-request-id'] };
    if (text === '') {
        throw new errors/* ServiceError */._7(`${what} answered HTTP ${response.status} with an empty body where JSON was expected`, details);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        const kind = /^<(!doctype|html)/i.test(text) ? 'an HTML page' : 'a body that is not valid JSON';
        throw new errors/* ServiceError */._7(`${what} answered HTTP ${response.status} with ${kind} where JSON was expected`, details);
    }
}

;// CONCATENATED MODULE: ./src/adobe/errors.ts


function readAdobeErrorBody(response) {
    // Not JSON (a proxy's HTML page, an empty body): the status alone has to speak.
    const parsed = http_parseJsonLeniently(response.body);
    const body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    const text = (key) => {
        const value = body[key];
        return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    const report = body['report'] && typeof body['report'] === 'object' ? body['report'] : {};
    const reportRequestId = typeof report['request-id'] === 'string' ? report['request-id'] : undefined;
    const typeCode = text('type')?.match(/(?:FLOW|SMS)-(\d+-\d{3})$/)?.[1];
    const rawGatewayCode = body['error_code'];
    const gatewayCode = typeof rawGatewayCode === 'string' || typeof rawGatewayCode === 'number' ? String(rawGatewayCode) : undefined;
    const title = text('title');
    const detail = text('errorMessage') ?? text('message') ?? text('detail');
    return {
        code: typeCode ?? gatewayCode,
        message: detail && title && detail !== title ? `${title}: ${detail}` : (detail ?? title),
        requestId: reportRequestId ?? response.headers['x-request-id']
    };
}
/** The likely cause and the fix, for the errors users actually meet (apis.md §2.10). */
function hintFor(status, code, ctx) {
    switch (code) {
        case '401013':
            return 'the Adobe access token is not valid or has expired: pass a fresh adobe-access-token, or pass adobe-client-secret so the action mints one';
        case '403000':
        case '403003':
            return 'the API key is not valid: adobe-client-id must be the client id of the Developer Console project that holds the Experience Platform API';
        case '403025':
            return `the credential is not entitled to org ${ctx.orgId}: check adobe-org-id, and that the Developer Console project has an Experience Platform product profile`;
        case '403027':
            return `adobe-org-id ${ctx.orgId} is wrong, or the credential has no Experience Platform product profile`;
        case '2100-404':
        case '2101-404':
            return `sandbox "${ctx.sandbox}" was not found in org ${ctx.orgId}: check the sandbox input (the sandbox name, not its title)`;
        case '2105-400':
            return 'the x-sandbox-name header was refused: check the sandbox input';
        case '2118-403':
        case '2120-403':
        case '2121-403':
            return `the credential is missing a permission in sandbox "${ctx.sandbox}": in the Adobe Admin Console, give its product profile the View Sources and Manage Sources permissions and access to this sandbox`;
        case '1418-400':
            return 'the base connection is still used by dataflows: delete those dataflows first';
        case '1404-412':
            return 'the connection was changed by someone else meanwhile (etag mismatch)';
        case '1415-400':
            return 'auth-spec-name is not an auth spec of this connection spec';
    }
    if (status === 401)
        return 'the Adobe access token was refused: it is invalid or expired';
    if (status === 403) {
        return `access denied: check that the credential's product profile grants the Sources permissions in sandbox "${ctx.sandbox}" of org ${ctx.orgId}`;
    }
    if (status === 429)
        return 'Adobe is rate limiting this credential: retry later, or lower the number of concurrent jobs';
    if (status >= 500)
        return 'Adobe Experience Platform had a server error: retry later';
    return undefined;
}
/** Turns a failed Platform answer into one line: what failed, Adobe's words, the likely fix. */
function adobeError(response, ctx) {
    const parsed = readAdobeErrorBody(response);
    const parts = [`${ctx.operation} failed: HTTP ${response.status}${parsed.code ? ` (${parsed.code})` : ''}`];
    if (parsed.message)
        parts.push(parsed.message);
    const hint = hintFor(response.status, parsed.code, ctx);
    const line = (0,errors/* oneLine */.TN)(parts.join(': ') + (hint ? `. Likely cause: ${hint}` : ''));
    return new errors/* ServiceError */._7(line, { status: response.status, code: parsed.code, requestId: parsed.requestId });
}

;// CONCATENATED MODULE: ./src/adobe/platform.ts

async function platform_callPlatform(session, call) {
    const headers = {
        authorization: `Bearer ${session.accessToken}`,
        'x-api-key': session.clientId,
        'x-gw-ims-org-id': session.orgId,
        ...call.headers
    };
    if (call.withSandbox !== false)
        headers['x-sandbox-name'] = session.sandbox;
    if (call.json !== undefined)
        headers['content-type'] = 'application/json';
    return session.http.send({
        operation: call.operation,
        method: call.method,
        url: `${session.platformUrl}${call.path}`,
        headers,
        ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : {}),
        ...(call.retry ? { retry: call.retry } : {})
    });
}
function platform_platformError(session, operation, response) {
    return adobeError(response, { operation, sandbox: session.sandbox, orgId: session.orgId });
}

;// CONCATENATED MODULE: ./src/adobe/flow-service.ts





const BASE = '/data/foundation/flowservice';
const connectionItemSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    name: schemas/* string */.YjP(),
    description: schemas/* optional */.lqM(schemas/* string */.YjP()),
    state: schemas/* optional */.lqM(schemas/* string */.YjP()),
    etag: schemas/* optional */.lqM(schemas/* string */.YjP()),
    createdAt: schemas/* optional */.lqM(schemas/* number */.aig()),
    connectionSpec: schemas/* optional */.lqM(schemas/* object */.Ikc({ id: schemas/* string */.YjP(), version: schemas/* optional */.lqM(schemas/* string */.YjP()) })),
    auth: schemas/* optional */.lqM(schemas/* object */.Ikc({ params: schemas/* optional */.lqM(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())) }))
});
/** Params that hold a credential: never kept, whatever Adobe shows of them. */
const SECRET_PARAMS = new Set(['clientSecret', 'accessToken', 'refreshToken']);
function toConnection(item) {
    const { auth, ...rest } = item;
    if (!auth?.params)
        return rest;
    const params = {};
    for (const [name, value] of Object.entries(auth.params)) {
        if (typeof value === 'string' && !SECRET_PARAMS.has(name))
            params[name] = value;
    }
    return { ...rest, params };
}
const listSchema = schemas/* object */.Ikc({
    items: schemas/* array */.YOg(connectionItemSchema),
    _links: schemas/* optional */.lqM(schemas/* object */.Ikc({ next: schemas/* optional */.lqM(schemas/* object */.Ikc({ href: schemas/* string */.YjP() })) }))
});
const specSchema = schemas/* object */.Ikc({
    items: schemas/* array */.YOg(schemas/* object */.Ikc({
        id: schemas/* string */.YjP(),
        name: schemas/* optional */.lqM(schemas/* string */.YjP()),
        version: schemas/* optional */.lqM(schemas/* string */.YjP()),
        authSpec: schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })))
    }))
});
const writeSchema = schemas/* object */.Ikc({ id: schemas/* string */.YjP().check(api/* _minLength */.m9(1)), etag: schemas/* optional */.lqM(schemas/* string */.YjP()) });
const testSchema = schemas/* object */.Ikc({ result: schemas/* boolean */.zMY() });
/** The create may or may not have been applied (timeout, reset, 5xx): look before re-sending. */
class flow_service_CreateOutcomeUnknownError extends errors/* ActionError */.lZ {
    name = 'CreateOutcomeUnknownError';
}
/** `If-Match` named an etag that is no longer current (FLOW 1404-412). */
class flow_service_StaleEtagError extends errors/* ActionError */.lZ {
    name = 'StaleEtagError';
}
const MAX_PAGES = 1000;
/** Flow Service base connections (apis.md §2). */
class flow_service_FlowServiceClient {
    #session;
    constructor(session) {
        this.#session = session;
    }
    /** Undefined when the spec does not exist for this org and sandbox. */
    async getConnectionSpec(specId) {
        const operation = 'read the connection spec';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connectionSpecs/${encodeURIComponent(specId)}`
        });
        if (this.#resourceNotFound(response))
            return undefined;
        return this.#parse(response, operation, 200, specSchema).items[0];
    }
    /**
     * Every connection of the spec with exactly this name, across all pages. Names that the
     * filter syntax cannot carry literally (`,` is an OR, quoting is undocumented for connections)
     * are matched here instead of by the server, so a name is never mis-read as several.
     */
    async findConnectionsByName(name, specId) {
        const operation = 'list connections';
        // Written as Adobe's examples are (`property=description==Test%20description`): the key and
        // `==` literal, the value percent-encoded, a space as %20 rather than a form-encoded `+`.
        const filters = [`connectionSpec.id==${encodeURIComponent(specId)}`];
        if (/^[A-Za-z0-9 _.()-]+$/.test(name))
            filters.unshift(`name==${encodeURIComponent(name)}`);
        let path = `${BASE}/connections?${filters.map((filter) => `property=${filter}`).join('&')}`;
        const found = [];
        const seen = new Set();
        for (let page = 0; path !== undefined; page++) {
            if (page >= MAX_PAGES || seen.has(path))
                throw new errors/* ActionError */.lZ(`${operation}: Flow Service kept returning pages; stopped after ${page}`);
            seen.add(path);
            const body = this.#parse(await this.#call({ operation, method: 'GET', path }), operation, 200, listSchema);
            found.push(...body.items
                .filter((item) => item.name === name && (item.connectionSpec?.id ?? specId) === specId)
                .map(toConnection));
            path = this.#nextPage(body._links?.next?.href);
        }
        return found;
    }
    async getConnection(id) {
        const operation = 'read the connection';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connections/${encodeURIComponent(id)}`
        });
        if (this.#resourceNotFound(response))
            return undefined;
        // A single GET answers with a list wrapper (apis.md §0.4).
        const item = this.#parse(response, operation, 200, listSchema).items[0];
        return item && toConnection(item);
    }
    /** Sent once: a repeat could make a duplicate. Throws CreateOutcomeUnknownError when unsure. */
    async createConnection(body) {
        const operation = 'create the connection';
        let response;
        try {
            response = await this.#call({
                operation,
                method: 'POST',
                path: `${BASE}/connections`,
                json: body,
                retry: 'unless-maybe-applied'
            });
        }
        catch (error) {
            if (error instanceof http_NetworkError && error.maybeApplied)
                throw new flow_service_CreateOutcomeUnknownError(error.message);
            throw error;
        }
        if (response.status >= 500) {
            throw new flow_service_CreateOutcomeUnknownError(platform_platformError(this.#session, operation, response).message);
        }
        if (response.status === 200 || response.status === 201) {
            // Accepted, but an unreadable answer hides the id: as unknown as a timeout.
            const created = writeSchema.safeParse(http_parseJsonLeniently(response.body));
            if (!created.success)
                throw new flow_service_CreateOutcomeUnknownError(`${operation}: HTTP ${response.status} with an unreadable body`);
            return { id: created.data.id, etag: created.data.etag };
        }
        throw platform_platformError(this.#session, operation, response);
    }
    async updateConnection(id, etag, patch) {
        const operation = 'update the connection';
        const response = await this.#call({
            operation,
            method: 'PATCH',
            path: `${BASE}/connections/${encodeURIComponent(id)}`,
            json: patch,
            // Sent as returned by Flow Service, quotes included (apis.md §2.6).
            headers: { 'if-match': etag }
        });
        if (response.status === 412)
            throw new flow_service_StaleEtagError(platform_platformError(this.#session, operation, response).message);
        return { etag: this.#parse(response, operation, 200, writeSchema).etag };
    }
    /** `absent` when it was already gone before this call. */
    async deleteConnection(id) {
        const operation = 'delete the connection';
        const response = await this.#call({
            operation,
            method: 'DELETE',
            path: `${BASE}/connections/${encodeURIComponent(id)}`
        });
        // A 404 after a retried attempt means the earlier attempt did delete it.
        if (this.#resourceNotFound(response))
            return response.attempts > 1 ? 'deleted' : 'absent';
        if (response.status === 200 || response.status === 204)
            return 'deleted';
        throw platform_platformError(this.#session, operation, response);
    }
    async testConnection(id) {
        const operation = 'test the connection';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connections/${encodeURIComponent(id)}/test`
        });
        return this.#parse(response, operation, 200, testSchema).result;
    }
    /** The names of the root objects (tables) the source lists. */
    async exploreRoot(id) {
        const operation = 'explore the connection';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connections/${encodeURIComponent(id)}/explore?objectType=root`
        });
        const items = this.#parse(response, operation, 200, schemas/* array */.YOg(schemas/* unknown */.L5J()));
        return items.flatMap((item) => {
            const name = item && typeof item === 'object' ? item.name : undefined;
            return typeof name === 'string' && name !== '' ? [name] : [];
        });
    }
    /** A 404 about the resource itself; "Sandbox not found" (FLOW 2100/2101-404) is an error instead. */
    #resourceNotFound(response) {
        if (response.status !== 404)
            return false;
        const { code } = readAdobeErrorBody(response);
        return code !== '2100-404' && code !== '2101-404';
    }
    #call(call) {
        return platform_callPlatform(this.#session, call);
    }
    #parse(response, operation, ok, schema) {
        const expected = Array.isArray(ok) ? ok : [ok];
        if (!expected.includes(response.status))
            throw platform_platformError(this.#session, operation, response);
        const parsed = schema.safeParse(http_parseJsonBody(response, `Flow Service (${operation})`));
        if (!parsed.success) {
            throw new errors/* ActionError */.lZ(`${operation}: Flow Service answered HTTP ${response.status} with a body of an unexpected shape`);
        }
        return parsed.data;
    }
    /** Next-page links are relative to the service (apis.md §2.4); absolute ones must stay on Platform. */
    #nextPage(href) {
        if (!href)
            return undefined;
        if (/^https?:\/\//i.test(href)) {
            const url = new URL(href);
            if (url.origin !== new URL(this.#session.platformUrl).origin) {
                throw new errors/* ActionError */.lZ(`list connections: Flow Service pointed the next page at another host (${url.host}); not following it`);
            }
            return `${url.pathname}${url.search}`.replace(new URL(this.#session.platformUrl).pathname.replace(/\/$/, ''), '');
        }
        if (href.startsWith(BASE))
            return href;
        return `${BASE}${href.startsWith('/') ? '' : '/'}${href}`;
    }
}

;// CONCATENATED MODULE: ./src/adobe/ims.ts



const tokenResponse = schemas/* object */.Ikc({ access_token: schemas/* string */.YjP().check(api/* _minLength */.m9(1)), expires_in: schemas/* optional */.lqM(schemas/* number */.aig()) });
const errorResponse = schemas/* object */.Ikc({ error: schemas/* optional */.lqM(schemas/* string */.YjP()), error_description: schemas/* optional */.lqM(schemas/* string */.YjP()) });
/**
 * OAuth Server-to-Server exchange (apis.md §1.1). Credentials travel in the form body, never in
 * the URL. `mask` receives the token before this function returns it.
 */
async function mintImsToken(http, credentials, mask) {
    const response = await http.postForm('Adobe IMS token exchange', `${credentials.imsUrl}/ims/token/v3`, {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: credentials.scopes.join(',')
    });
    if (response.status === 200) {
        const parsed = tokenResponse.safeParse(http_parseJsonBody(response, 'Adobe IMS'));
        if (parsed.success) {
            mask(parsed.data.access_token);
            return parsed.data.access_token;
        }
        throw new errors/* ServiceError */._7('Adobe IMS answered HTTP 200 without an access_token');
    }
    throw imsError(response.status, response.body, response.headers['x-debug-id']);
}
function imsError(status, body, debugId) {
    // A non-JSON answer (a proxy page) parses to nothing: the status has to speak.
    const parsed = errorResponse.safeParse(http_parseJsonLeniently(body) ?? {});
    const error = parsed.success ? parsed.data.error : undefined;
    const description = parsed.success ? parsed.data.error_description : undefined;
    const said = [error, description].filter(Boolean).join(': ');
    const described = (description ?? '').toLowerCase();
    let hint;
    if (error === 'invalid_client' && described.includes('client_secret')) {
        hint =
            'adobe-client-secret is wrong or was rotated: copy the current client secret of this credential from the Adobe Developer Console';
    }
    else if (error === 'invalid_client') {
        hint =
            'adobe-client-id is not an OAuth Server-to-Server credential of this IMS: check adobe-client-id (and adobe-ims-url)';
    }
    else if (error === 'invalid_scope') {
        hint =
            "adobe-scopes asks for a scope the credential does not have: use the scopes listed on the credential's Developer Console page";
    }
    else if (status >= 500 || status === 429) {
        hint = 'Adobe IMS is unavailable or rate limiting: retry later';
    }
    else {
        hint = 'check adobe-client-id, adobe-client-secret and adobe-scopes';
    }
    const debug = debugId ? ` (IMS debug id ${debugId})` : '';
    return new errors/* ServiceError */._7((0,errors/* oneLine */.TN)(`Adobe IMS refused the token request: HTTP ${status}${said ? ` ${said}` : ''}. Likely cause: ${hint}${debug}`), { status, code: error });
}

;// CONCATENATED MODULE: ./src/adobe/sandboxes.ts



const sandboxSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), state: schemas/* optional */.lqM(schemas/* string */.YjP()), type: schemas/* optional */.lqM(schemas/* string */.YjP()) });
const sandboxes_listSchema = schemas/* object */.Ikc({ sandboxes: schemas/* array */.YOg(sandboxSchema) });
const PAGE_SIZE = 100;
const sandboxes_MAX_PAGES = 20;
/**
 * The sandboxes this credential can see, from the endpoint open to non-admins (apis.md §3.2).
 * Undefined when the credential may not list them: Flow Service's own "Sandbox not found" then
 * has to speak.
 */
async function sandboxes_listAvailableSandboxes(session) {
    const operation = 'list available sandboxes';
    const sandboxes = [];
    for (let page = 0; page < sandboxes_MAX_PAGES; page++) {
        const response = await callPlatform(session, {
            operation,
            method: 'GET',
            path: `/data/foundation/sandbox-management/?limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`,
            withSandbox: false
        });
        if (response.status === 403)
            return undefined;
        if (response.status !== 200)
            throw platformError(session, operation, response);
        const parsed = sandboxes_listSchema.safeParse(parseJsonBody(response, 'the Sandbox API'));
        if (!parsed.success)
            throw platformError(session, `${operation} (unexpected body)`, response);
        sandboxes.push(...parsed.data.sandboxes);
        if (parsed.data.sandboxes.length < PAGE_SIZE)
            break;
    }
    return sandboxes;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/run-context.ts

/** A line for the log and the summary. */
function run_context_note(ctx, message) {
    ctx.services.log.info(message);
    ctx.report.notes.push(message);
}
/** A warning for the log and the summary. */
function run_context_warn(ctx, message) {
    ctx.services.log.warning(message);
    ctx.report.warnings.push(message);
}
function run_context_describeConnection(settings, id) {
    return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`;
}
/** Prefixes a failure with what exists, keeping Adobe's request id. */
function run_context_withExisting(error, prefix) {
    if (error instanceof ServiceError) {
        return new ServiceError(`${prefix}: ${error.message.replace(/ \(Adobe request id [^)]*\)$/, '')}`, error);
    }
    if (error instanceof Error)
        return new ActionError(`${prefix}: ${error.message}`);
    return new ActionError(prefix);
}

;// CONCATENATED MODULE: ./src/verification.ts




/** Runs the verification `verify` names; the result is judged by `finishVerification`. */
async function verification_runVerification(ctx, id) {
    const outcome = await verificationOutcome(ctx, id);
    if (outcome.verified !== 'skipped') {
        ctx.services.log.info(`Verification (${ctx.settings.verify}) of ${id}: ${outcome.verified === 'true' ? 'passed' : 'failed'}`);
    }
    return outcome;
}
async function verificationOutcome({ settings, services }, id) {
    try {
        if (settings.verify === 'none')
            return { verified: 'skipped' };
        if (settings.verify === 'test') {
            return (await services.store.testConnection(id))
                ? { verified: 'true', by: 'test' }
                : { verified: 'false', problem: 'its test (GET /connections/{id}/test) answered result: false' };
        }
        const tables = await services.store.exploreRoot(id);
        if (tables.length === 0) {
            return { verified: 'false', tables, problem: 'exploring it (objectType=root) listed no tables' };
        }
        const { missing, nearly } = missingTables(settings.verifyTables, tables);
        if (missing.length > 0) {
            return {
                verified: 'false',
                tables,
                problem: `the root listing lacks ${missing.join(', ')} named in verify-tables` +
                    (nearly.length > 0 ? ` (names are case-sensitive: ${nearly.join(', ')})` : '') +
                    `; it lists ${tables.join(', ')}`
            };
        }
        const required = settings.verifyTables.length > 0 ? `, including ${settings.verifyTables.join(', ')}` : '';
        return {
            verified: 'true',
            tables,
            by: `explore (${tables.length} table${tables.length === 1 ? '' : 's'}${required})`
        };
    }
    catch (error) {
        if (error instanceof ServiceError && error.status === 404)
            return { verified: 'false', gone: true };
        if (error instanceof ActionError)
            return { verified: 'false', problem: error.message };
        throw error;
    }
}
async function verification_verifyOrFail(ctx, id, what, advice) {
    const outcome = await ctx.services.phase(`Verify ${id} (${ctx.settings.verify})`, () => verification_runVerification(ctx, id));
    return verification_finishVerification(ctx, id, outcome, what, advice);
}
/** Records the outcome; a failed verification, or a connection gone meanwhile, fails the run. */
function verification_finishVerification(ctx, id, outcome, what, advice) {
    const { settings, report } = ctx;
    report.verified = outcome.verified;
    if (outcome.tables)
        report.tables = outcome.tables;
    if (outcome.by) {
        report.verifiedBy = outcome.by;
        report.notes.push(`Verified with ${outcome.by}.`);
    }
    if (outcome.gone) {
        forgetConnection(report);
        throw new ActionError(`The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.name}" is left; rerun to create it again.`);
    }
    if (outcome.verified === 'false') {
        const missingTable = settings.verifyTables.length > 0 && outcome.problem?.includes('verify-tables');
        const fix = missingTable
            ? 'give the Zoho user whose refresh token the connection holds access to those modules, or correct verify-tables'
            : advice;
        throw new ActionError(`The ${describeConnection(settings, id)} ${what}, but its verification failed: ${outcome.problem}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`);
    }
}

;// CONCATENATED MODULE: ./src/create-protocol.ts






const FIRST_POLL_MS = 250;
const POLL_CAP_MS = 5_000;
const ADVICE = 'check the Zoho credentials and data centre, then rerun (on-existing: repair replaces them)';
/** The wait after lookup number `poll` while the listing catches up: 250 ms, doubling to 5 s. */
function settlePollDelayMs(poll) {
    return Math.min(POLL_CAP_MS, FIRST_POLL_MS * 2 ** (poll - 1));
}
async function create_protocol_createAndSettle(ctx) {
    const { settings, services, report } = ctx;
    if (settings.dryRun) {
        recordResult(report, 'would-create', `no connection named "${settings.name}" exists`);
        note(ctx, `Dry run: would create "${settings.name}" in sandbox "${settings.sandbox}".`);
        return;
    }
    const sent = await services.phase(`Create "${settings.name}"`, async () => {
        const body = await settings.connectionBody(await services.zohoAccessToken());
        const outcome = await sendCreate(ctx, body);
        if (outcome.kind === 'made') {
            recordConnection(report, outcome);
            report.created = true;
            recordResult(report, 'created', `no connection named "${settings.name}" existed`);
            note(ctx, `Created the ${describeConnection(settings, outcome.id)}.`);
        }
        return outcome;
    });
    if (sent.kind === 'other') {
        return giveWay(ctx, sent.winner, "this run's create had an unknown outcome, and the listing never showed it");
    }
    const [verification, twins] = await services.phase(`Verify ${sent.id} and look for a concurrent twin`, () => Promise.allSettled([
        runVerification(ctx, sent.id),
        pollListing(ctx, (listed) => listed.some((c) => c.id === sent.id), 'the check for a concurrent twin')
    ]));
    if (twins.status === 'rejected') {
        throw withExisting(twins.reason, `The ${describeConnection(settings, sent.id)} was created, but the check for a concurrent twin failed`);
    }
    const { listed, satisfied } = twins.value;
    if (!satisfied) {
        warn(ctx, `Adobe's listing did not show the new connection ${sent.id} within settle-timeout (${seconds(settings.settleTimeoutMs)} s), so a twin created just before it by a concurrent run may not be visible: raise settle-timeout if runs race on this name.`);
    }
    // Not listed yet, ours counts as the newest: any connection the listing shows is older.
    const ours = { id: sent.id, name: settings.name, etag: sent.etag, description: settings.runMarker };
    const view = satisfied ? listed : [...listed, ours];
    const { winner = ours, ownCopiesToDelete } = settleTwins(sent.id, settings.runMarker, view);
    await deleteOwnCopies(ctx, winner, ownCopiesToDelete);
    if (winner.id === sent.id) {
        recordConnection(report, { ...winner, etag: winner.etag ?? sent.etag });
        if (verification.status === 'rejected')
            throw verification.reason;
        return finishVerification(ctx, sent.id, verification.value, 'was created', ADVICE);
    }
    if (madeBy(settings.runMarker, winner)) {
        // An attempt whose answer was lost did create it: it is this run's, and the oldest.
        recordConnection(report, winner);
        note(ctx, `Keeping ${winner.id}, which an earlier attempt of this run created (its answer was lost).`);
        return verifyOrFail(ctx, winner.id, 'was created', ADVICE);
    }
    return giveWay(ctx, winner);
}
/**
 * Another run's connection is the oldest: adopt it (ensure), or fail naming it (create).
 * `detail`, when this run's copies were not the reason (they were noted when deleted).
 */
async function giveWay(ctx, winner, detail) {
    const { settings, report } = ctx;
    report.created = false;
    recordConnection(report, winner);
    const message = `Another run created "${settings.name}" first (id ${winner.id})${detail ? `; ${detail}` : ''}`;
    if (detail)
        note(ctx, message);
    if (settings.mode === 'create') {
        recordResult(report, undefined);
        throw new ActionError(`${message}. create mode fails when the name exists: the ${describeConnection(settings, winner.id)} is the one that remains.`);
    }
    recordResult(report, 'reused', `another run created "${settings.name}" first`);
    return verifyOrFail(ctx, winner.id, 'exists', ADVICE);
}
/**
 * Sends the create. When its outcome is unknown (a 5xx, a timeout, a reset, an unreadable
 * answer), looks the name up until the listing shows this run's connection or `settle-timeout`
 * has passed: what appears is adopted; only a whole settle time showing nothing allows another
 * attempt. Failures that prove nothing was applied (refused, 429) are retried by the HTTP layer.
 */
async function sendCreate(ctx, body) {
    const { settings, services } = ctx;
    for (let attempt = 1;; attempt++) {
        try {
            const made = await services.store.createConnection(body);
            return { kind: 'made', id: made.id, etag: made.etag };
        }
        catch (error) {
            if (!(error instanceof CreateOutcomeUnknownError))
                throw error;
            warn(ctx, `The create's outcome is unknown (${error.message}); looking "${settings.name}" up for up to ${seconds(settings.settleTimeoutMs)} s (settle-timeout) before anything else.`);
            const { listed } = await pollListing(ctx, (connections) => connections.some((c) => madeBy(settings.runMarker, c)), 'settling a create whose outcome is unknown').catch((failure) => {
                throw withExisting(failure, `Creating "${settings.name}" had an unknown outcome, and looking for it failed, so Adobe may or may not have created it in sandbox "${settings.sandbox}" (rerun ensure to adopt it)`);
            });
            const own = oldest(listed.filter((c) => madeBy(settings.runMarker, c)));
            if (own) {
                services.log.info(`The create did happen: Adobe's listing shows ${own.id}, made by this run; adopting it.`);
                return { kind: 'made', id: own.id, etag: own.etag };
            }
            const other = oldest(listed);
            if (other)
                return { kind: 'other', winner: other };
            if (attempt >= settings.maxAttempts) {
                throw new ActionError(`Creating "${settings.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); looking it up for ${seconds(settings.settleTimeoutMs)} s after each attempt found no such connection in sandbox "${settings.sandbox}", so nothing was left behind (should Adobe still apply one late, rerun ensure to adopt it).`);
            }
            services.log.info(`Sending the create again (attempt ${attempt + 1} of ${settings.maxAttempts}): the whole settle time showed nothing named "${settings.name}".`);
        }
    }
}
/**
 * Looks the name up until `done` holds for the listing, with growing waits, for at most
 * `settle-timeout` (and never past the run's deadline). `satisfied` says whether it held.
 */
async function pollListing({ settings, services }, done, what) {
    // A wait that would end past the run's deadline throws instead (naming `what`).
    const end = services.clock.now() + settings.settleTimeoutMs;
    for (let poll = 1;; poll++) {
        const listed = await services.store.findConnectionsByName(settings.name, settings.specId);
        if (done(listed))
            return { listed, satisfied: true };
        const remaining = end - services.clock.now();
        if (remaining <= 0)
            return { listed, satisfied: false };
        await services.sleepWithin(Math.min(settlePollDelayMs(poll), remaining), what);
    }
}
/** Deletes this run's copies other than the winner; failing that, names every id that exists. */
async function deleteOwnCopies(ctx, winner, copies) {
    if (copies.length === 0)
        return;
    const { settings, services } = ctx;
    const ids = copies.map((c) => c.id);
    const outcomes = await Promise.allSettled(ids.map((id) => services.store.deleteConnection(id)));
    const failedAt = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    const deleted = ids.filter((_, i) => outcomes[i]?.status === 'fulfilled');
    const whose = madeBy(settings.runMarker, winner) ? 'This run' : 'Another run';
    if (deleted.length > 0) {
        note(ctx, `${whose} created "${settings.name}" first (id ${winner.id}); deleted this run's cop${deleted.length === 1 ? 'y' : 'ies'} ${deleted.join(', ')}`);
    }
    const failure = outcomes[failedAt];
    if (failure?.status === 'rejected') {
        const left = ids.filter((_, i) => outcomes[i]?.status === 'rejected');
        const all = [winner.id, ...left];
        throw withExisting(failure.reason, `${whose} created "${settings.name}" first (id ${winner.id}), and deleting this run's cop${left.length === 1 ? 'y' : 'ies'} ${left.join(', ')} failed, so ${all.length === 2 ? 'both' : 'all'} exist in sandbox "${settings.sandbox}" (${all.join(', ')}): delete ${left.join(', ')} by hand`);
    }
}
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}

;// CONCATENATED MODULE: ./src/plan.ts







async function plan_executePlan(ctx) {
    const { settings, services } = ctx;
    const existing = await services.phase(`Look up "${settings.name}" in sandbox "${settings.sandbox}"`, () => preflight(ctx));
    switch (settings.mode) {
        case 'ensure':
            return ensure(ctx, existing);
        case 'create':
            return create(ctx, existing);
        case 'check':
            return check(ctx, existing);
        case 'delete':
            return remove(ctx, existing);
    }
}
/**
 * The reads every mode starts with, sent together: the sandbox list, the connection spec and the
 * lookup. Failures are reported in the order that explains the most (an unknown sandbox first).
 */
async function preflight(ctx) {
    const { settings, services } = ctx;
    const [sandboxes, spec, existing] = await Promise.allSettled([
        services.listSandboxes(),
        services.store.getConnectionSpec(settings.specId),
        lookup(ctx)
    ]);
    if (sandboxes.status === 'rejected')
        throw sandboxes.reason;
    if (sandboxes.value) {
        checkSandbox(settings, sandboxes.value);
        services.log.info(`Sandbox "${settings.sandbox}" is active`);
    }
    else {
        services.log.info('The credential may not list sandboxes; Flow Service checks the sandbox itself');
    }
    if (spec.status === 'rejected')
        throw spec.reason;
    if (!spec.value) {
        throw new ActionError(`The Zoho CRM source (connection spec ${settings.specId}) is not available to org ${settings.orgId} in sandbox ` +
            `"${settings.sandbox}". Adobe announced the deprecation of the Zoho CRM source for the end of June 2025, so it ` +
            'may have been withdrawn; if you meant another source, check connection-spec-id.');
    }
    const authSpecs = spec.value.authSpec?.map((auth) => auth.name);
    const problem = authSpecProblem(settings.authSpecName, authSpecs);
    if (problem)
        throw new ActionError(problem);
    services.log.info(`Connection spec ${settings.specId}${spec.value.name ? ` (${spec.value.name})` : ''} is available` +
        (authSpecs?.length ? `; auth specs: ${authSpecs.join(', ')}` : ''));
    if (existing.status === 'rejected')
        throw existing.reason;
    const what = settings.connectionId ? `with id ${settings.connectionId}` : `named "${settings.name}"`;
    services.log.info(`Found ${existing.value.length} connection${existing.value.length === 1 ? '' : 's'} ${what}`);
    return existing.value;
}
function checkSandbox(settings, sandboxes) {
    const match = sandboxes.find((sandbox) => sandbox.name === settings.sandbox);
    if (!match) {
        const names = sandboxes.map((sandbox) => sandbox.name).sort();
        throw new ActionError(`Sandbox "${settings.sandbox}" is not one of the sandboxes this credential can see in org ${settings.orgId}` +
            (names.length > 0 ? ` (${names.join(', ')})` : ' (it can see none)') +
            ': check the sandbox input (the name, not the title), or add the sandbox to the product profile of the credential.');
    }
    if (match.state && match.state !== 'active') {
        throw new ActionError(`Sandbox "${settings.sandbox}" is ${match.state}, not active: wait until it is active, then rerun.`);
    }
}
async function lookup({ settings, services }) {
    if (!settings.connectionId)
        return services.store.findConnectionsByName(settings.name, settings.specId);
    const connection = await services.store.getConnection(settings.connectionId);
    if (!connection)
        return [];
    const specId = connection.connectionSpec?.id;
    if (specId && specId !== settings.specId) {
        throw new ActionError(`Connection ${connection.id} ("${connection.name}") belongs to connection spec ${specId}, not ${settings.specId}: refusing to act on it. Check connection-id.`);
    }
    return [connection];
}
/** Picks the oldest of several same-named connections and says which others exist. */
function chooseExisting(ctx, existing) {
    const chosen = oldest(existing);
    if (!chosen)
        return undefined;
    if (existing.length > 1) {
        const others = existing.filter((c) => c.id !== chosen.id).map((c) => c.id);
        warn(ctx, `${existing.length} connections are named "${ctx.settings.name}" in sandbox "${ctx.settings.sandbox}"; using the oldest, ${chosen.id}. The others: ${others.join(', ')}`);
    }
    return chosen;
}
async function ensure(ctx, existing) {
    const { settings, report } = ctx;
    const chosen = chooseExisting(ctx, existing);
    const action = ensureAction(existing.length, settings.onExisting);
    if (!chosen || action === 'create')
        return createAndSettle(ctx);
    recordConnection(report, chosen);
    if (action === 'fail') {
        throw new ActionError(`A ${describeConnection(settings, chosen.id)} already exists and on-existing is fail: use on-existing: repair, reuse or update, or another connection-name.`);
    }
    if (chosen.state && chosen.state !== 'enabled') {
        warn(ctx, `The existing ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    switch (action) {
        case 'reuse':
            recordResult(report, 'reused', 'on-existing is reuse and the connection exists');
            note(ctx, `Reusing the existing ${describeConnection(settings, chosen.id)}.`);
            return verifyOrFail(ctx, chosen.id, 'exists', 'rerun with on-existing: repair to replace its credentials');
        case 'repair':
            return repair(ctx, chosen);
        case 'update':
            return replaceCredentials(ctx, chosen, 'updated', 'on-existing is update');
    }
}
/**
 * Reuses a connection that is healthy (its params match and its verification passes); replaces
 * the credentials of one that is not. A healthy connection costs no Zoho call and no write.
 */
async function repair(ctx, chosen) {
    const { settings, services, report } = ctx;
    let reason = paramDifference(chosen.params, settings.expectedParams);
    if (!reason) {
        const outcome = await services.phase(`Verify ${chosen.id} (${settings.verify})`, () => runVerification(ctx, chosen.id));
        if (outcome.verified !== 'false') {
            recordResult(report, 'reused', outcome.verified === 'true'
                ? `its params match the inputs and its verification (${settings.verify}) passed`
                : 'its params match the inputs (verify is none)');
            note(ctx, `Reusing the existing ${describeConnection(settings, chosen.id)}: it is healthy.`);
            return finishVerification(ctx, chosen.id, outcome, 'exists', '');
        }
        if (outcome.gone)
            return finishVerification(ctx, chosen.id, outcome, 'exists', '');
        reason = `its verification (${settings.verify}) failed: ${outcome.problem ?? 'no reason given'}`;
    }
    return replaceCredentials(ctx, chosen, 'repaired', reason);
}
/** Replaces the credentials and description (`update`, and `repair` of an unhealthy one). */
async function replaceCredentials(ctx, chosen, result, reason) {
    const { settings, services, report } = ctx;
    if (settings.dryRun) {
        recordResult(report, result === 'repaired' ? 'would-repair' : 'would-update', reason);
        note(ctx, `Dry run: would replace the credentials and description of ${chosen.id} (If-Match its etag), because ${reason}.`);
        return;
    }
    const title = result === 'repaired' ? `Repair ${chosen.id}` : `Update ${chosen.id}`;
    await services.phase(title, async () => {
        await update(ctx, chosen);
        recordResult(report, result, reason);
        note(ctx, `Replaced the credentials and description of the ${describeConnection(settings, chosen.id)}, because ${reason}.`);
    });
    return verifyOrFail(ctx, chosen.id, result === 'repaired' ? 'was repaired' : 'was updated', 'its credentials were just replaced, so check zoho-client-id, zoho-client-secret, zoho-refresh-token and the Zoho data centre');
}
/** Replaces `/auth/params` and the description with If-Match; a stale etag is re-read once. */
async function update(ctx, connection) {
    const { settings, services, report } = ctx;
    const body = await settings.connectionBody(await services.zohoAccessToken());
    const patch = [
        { op: 'replace', path: '/auth/params', value: body.auth.params },
        { op: 'replace', path: '/description', value: body.description }
    ];
    let etag = connection.etag;
    for (let attempt = 1;; attempt++) {
        if (etag === undefined) {
            const current = await services.store.getConnection(connection.id);
            if (!current) {
                forgetConnection(report);
                throw new ActionError(`The ${describeConnection(settings, connection.id)} disappeared before it could be updated.`);
            }
            etag = current.etag ?? '';
        }
        try {
            const updated = await services.store.updateConnection(connection.id, etag, patch);
            if (updated.etag !== undefined)
                report.etag = updated.etag;
            return;
        }
        catch (error) {
            if (!(error instanceof StaleEtagError))
                throw error;
            if (attempt >= 2) {
                throw withExisting(error, `The ${describeConnection(settings, connection.id)} exists unchanged: someone else changed it twice during this run`);
            }
            services.log.info(`The etag of ${connection.id} changed meanwhile; reading it again and retrying once.`);
            etag = undefined;
        }
    }
}
async function create(ctx, existing) {
    const chosen = oldest(existing);
    if (chosen) {
        recordConnection(ctx.report, chosen);
        throw new ActionError(`A ${describeConnection(ctx.settings, chosen.id)} already exists, and create mode never makes a second one: use mode: ensure to reuse it.`);
    }
    return createAndSettle(ctx);
}
async function check(ctx, existing) {
    const { settings, report } = ctx;
    const chosen = chooseExisting(ctx, existing);
    if (!chosen) {
        const what = settings.connectionId ? `connection ${settings.connectionId}` : `connection named "${settings.name}"`;
        throw new ActionError(`No ${what} exists in sandbox "${settings.sandbox}": run this action with mode: ensure first.`);
    }
    recordConnection(report, chosen);
    recordResult(report, 'found', 'the connection exists');
    note(ctx, `Found the ${describeConnection(settings, chosen.id)}, state ${chosen.state ?? 'unknown'}.`);
    if (chosen.state !== undefined && chosen.state !== 'enabled') {
        throw new ActionError(`The ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    return verifyOrFail(ctx, chosen.id, 'exists', 'run this action with mode: ensure (on-existing: repair) to repair it');
}
/** Deletes every connection with the name (or the one id), and lists each id deleted. */
async function remove(ctx, existing) {
    const { settings, services, report } = ctx;
    const chosen = oldest(existing);
    if (!chosen) {
        recordResult(report, 'absent', 'no such connection exists');
        note(ctx, `Nothing to delete: no such connection in sandbox "${settings.sandbox}".`);
        return;
    }
    report.connectionId = chosen.id;
    const ids = [chosen, ...existing.filter((c) => c !== chosen)].map((c) => c.id);
    if (settings.dryRun) {
        recordResult(report, 'would-delete', `${ids.length} connection${ids.length === 1 ? '' : 's'} named "${settings.name}" exist`);
        for (const id of ids)
            note(ctx, `Dry run: would delete ${id}.`);
        return;
    }
    const outcomes = await services.phase(`Delete ${ids.join(', ')}`, () => Promise.allSettled(ids.map((id) => services.store.deleteConnection(id))));
    const failed = outcomes.flatMap((outcome, i) => outcome.status === 'rejected' ? [{ id: ids[i], reason: outcome.reason }] : []);
    ids.forEach((id, i) => {
        const outcome = outcomes[i];
        if (outcome?.status !== 'fulfilled' || outcome.value !== 'deleted')
            return;
        report.deletedIds.push(id);
        note(ctx, `Deleted ${id} in sandbox "${settings.sandbox}".`);
    });
    if (failed.length > 0) {
        const first = failed[0];
        const others = failed.length > 1
            ? ` (also not deleted: ${failed
                .slice(1)
                .map((f) => f.id)
                .join(', ')})`
            : '';
        throw withExisting(first?.reason, `Could not delete connection ${first?.id} in sandbox "${settings.sandbox}"${others}`);
    }
    const deleted = report.deletedIds.length;
    recordResult(report, deleted > 0 ? 'deleted' : 'absent', deleted > 0
        ? `deleted ${deleted} connection${deleted === 1 ? '' : 's'} named "${settings.name}"`
        : 'it was already gone');
}

;// CONCATENATED MODULE: ./src/summary.ts

function escapeHtml(text) {
    return text.replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function summaryStatus(facts) {
    if (facts.failure)
        return `❌ Failed: ${facts.failure}`;
    const { report } = facts;
    const id = report.connectionId ? ` (${report.connectionId})` : '';
    return `✅ ${report.result ?? 'done'}${id}${facts.dryRun ? ' — dry run, nothing was written' : ''}`;
}
/** The job summary: a status line, then a table and notes. Never a secret: only ids and names. */
async function summary_writeSummary(facts) {
    if (!process.env['GITHUB_STEP_SUMMARY'])
        return;
    const { report } = facts;
    const row = (label, value) => [{ data: label, header: true }, escapeHtml(value)];
    core.summary
        .addHeading('Zoho CRM base connection', 3)
        .addRaw(escapeHtml(summaryStatus(facts)), true)
        .addTable([
        row('Mode', facts.dryRun ? `${facts.mode} (dry run)` : facts.mode),
        row('Sandbox', facts.sandbox),
        row('Name', facts.name),
        row('Connection id', report.connectionId ?? '—'),
        row('Result', report.result ?? (facts.failure ? 'failed' : '—')),
        row('Verification', report.verified),
        row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`)
    ]);
    const lines = [...report.warnings.map((warning) => `⚠️ Warning: ${warning}`), ...report.notes];
    if (lines.length > 0)
        core.summary.addList(lines.map(escapeHtml));
    await core.summary.write();
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test; sent in every User-Agent. */
const ACTION_NAME = 'aep-zoho-crm-connection-action';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

// EXTERNAL MODULE: ./src/zoho/regions.ts
var regions = __webpack_require__(2403);
;// CONCATENATED MODULE: ./src/zoho/oauth.ts



/**
 * Judges a refresh answer by its body, not its status: Zoho answers 200 with an `error` field,
 * and 200 with "Access Denied" when throttled (apis.md §5.3, §5.4).
 */
function judgeRefreshAnswer(status, body) {
    const parsed = parseJsonLeniently(body);
    if (parsed === undefined) {
        if (/access denied/i.test(body))
            return { ok: false, kind: 'throttled', detail: 'Access Denied' };
        return { ok: false, kind: 'not_json', detail: `HTTP ${status} with a body that is not JSON` };
    }
    const fields = parsed && typeof parsed === 'object' ? parsed : {};
    const error = typeof fields['error'] === 'string' ? fields['error'] : undefined;
    const description = typeof fields['error_description'] === 'string' ? fields['error_description'] : undefined;
    const token = typeof fields['access_token'] === 'string' ? fields['access_token'] : undefined;
    if (/access denied/i.test(`${error ?? ''} ${description ?? ''}`) || /too many requests/i.test(description ?? '')) {
        return { ok: false, kind: 'throttled', detail: 'Access Denied' };
    }
    if (error === 'invalid_client' || error === 'invalid_code')
        return { ok: false, kind: error, detail: error };
    if (error || !token) {
        return {
            ok: false,
            kind: 'refused',
            detail: error ? `${error}${description ? `: ${description}` : ''}` : `HTTP ${status} without an access_token`
        };
    }
    const apiDomain = typeof fields['api_domain'] === 'string' ? fields['api_domain'] : undefined;
    return { ok: true, accessToken: token, apiDomain };
}
function refreshFailureMessage(verdict, accountsUrl) {
    const region = regionOfAccountsHost(new URL(accountsUrl).hostname);
    const where = region ? `${accountsUrl}, Zoho's ${describe(region)} data centre` : accountsUrl;
    const prefix = 'Zoho refused the refresh of the access token';
    switch (verdict.kind) {
        case 'invalid_client':
            return (`${prefix} (invalid_client) at ${where}: zoho-client-id or zoho-client-secret is wrong, or the ` +
                'Zoho account lives in another data centre (an EU account needs zoho-region: eu). Nothing was written to Adobe.');
        case 'invalid_code':
            return (`${prefix} (invalid_code) at ${where}: zoho-refresh-token is wrong or was revoked. ` +
                'Generate a new one with access_type=offline and update the secret. Nothing was written to Adobe.');
        case 'throttled':
            return (`${prefix} (Access Denied) at ${where}: Zoho allows 10 access tokens per refresh token per 10 minutes, ` +
                'and every job using this refresh token (matrix jobs, and Adobe itself) shares that quota. ' +
                'Wait up to 10 minutes, then rerun. Nothing was written to Adobe.');
        case 'not_json':
            return `Zoho's accounts server ${accountsUrl} answered ${verdict.detail}: check zoho-accounts-url. Nothing was written to Adobe.`;
        case 'refused':
            return `${prefix} at ${where}: ${verdict.detail}. Nothing was written to Adobe.`;
    }
}
/**
 * One refresh-token grant (apis.md §5.2). Secrets go in the form body, never in the URL.
 * `mask` receives the access token before anything else sees it.
 */
async function oauth_refreshZohoAccessToken(http, request, mask) {
    let answer;
    try {
        answer = await http.postForm('Zoho token refresh', `${request.accountsUrl}/oauth/v2/token`, {
            grant_type: 'refresh_token',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            refresh_token: request.refreshToken
        });
    }
    catch (error) {
        if (error instanceof NetworkError) {
            throw new ActionError(`Zoho's accounts server ${request.accountsUrl} could not be reached (${error.message}): check zoho-accounts-url and the runner's network or proxy. Nothing was written to Adobe.`);
        }
        throw error;
    }
    const verdict = judgeRefreshAnswer(answer.status, answer.body);
    if (verdict.ok)
        mask(verdict.accessToken);
    if (!verdict.ok)
        throw new ActionError(oneLine(refreshFailureMessage(verdict, request.accountsUrl)));
    if (verdict.apiDomain && !sameDataCentre(request.endpoint, verdict.apiDomain)) {
        throw new ActionError(`Zoho says this account's API domain is ${verdict.apiDomain}, but zoho-endpoint is ${request.endpoint}: ` +
            'the account lives in another data centre. Set zoho-endpoint (or zoho-region) to match. Nothing was written to Adobe.');
    }
    return verdict.accessToken;
}

;// CONCATENATED MODULE: ./src/provision.ts













/**
 * Everything a run with valid inputs does: sign in, execute the plan, then write the outputs and
 * the job summary, both even when the plan failed. Returns the failure, already redacted.
 */
async function provisionAndReport(inputs, secrets, startedAt) {
    const report = newReport();
    let dispatcher;
    let failure;
    try {
        dispatcher = createDispatcher();
        await provision(inputs, dispatcher, secrets, report, startedAt + inputs.timeoutMs);
    }
    catch (error) {
        failure = secrets.redact(withWhatExists(describeFailure(error), report));
    }
    finally {
        await dispatcher?.close().catch(() => undefined);
    }
    try {
        writeOutputs(inputs, report, secrets, failure);
    }
    catch (error) {
        // A runner that gives no writable GITHUB_OUTPUT: the step cannot hand anything on.
        failure ??= secrets.redact(`Could not write the step outputs: ${describeFailure(error)}`);
    }
    await writeSummary({
        mode: inputs.mode,
        sandbox: inputs.sandbox,
        name: inputs.connection.name,
        dryRun: inputs.dryRun,
        report,
        elapsedMs: Date.now() - startedAt,
        failure
    }).catch((error) => core.warning(`Could not write the job summary: ${secrets.redact(describeFailure(error))}`));
    return failure;
}
/** A failure after a connection is known says which one exists, unless it already does. */
function withWhatExists(failure, report) {
    const id = report.connectionId;
    if (!id || failure.includes(id))
        return failure;
    return `${failure} (connection ${id}, which this run ${report.created ? 'created' : 'found'}, exists)`;
}
async function provision(inputs, dispatcher, secrets, report, deadlineAt) {
    const mask = (value) => secrets.register(value);
    const http = newHttpClient(inputs, dispatcher);
    const zohoAccessToken = once(() => zohoTokenFor(inputs, http, mask));
    const { adobe } = inputs;
    // create always writes Zoho credentials, so its one refresh runs alongside the IMS exchange.
    const writesNow = inputs.mode === 'create' && !inputs.dryRun;
    const [accessToken] = await core.group(writesNow ? 'Sign in to Adobe IMS and Zoho' : 'Sign in to Adobe IMS', async () => {
        const tokens = await Promise.all([imsAccessToken(inputs, http, mask), writesNow ? zohoAccessToken() : undefined]);
        core.info(adobe.accessToken ? 'Using the given adobe-access-token' : 'Adobe IMS issued an access token (masked)');
        return tokens;
    });
    const session = platformSession(inputs, http, accessToken);
    const runMarker = newRunMarker();
    // Only a run that writes needs the description, and only then is @actions/github loaded.
    const description = once(async () => `${inputs.connection.description ?? (await defaultDescription())} [${runMarker}]`);
    const timeoutSeconds = inputs.timeoutMs / 1000;
    await executePlan({
        settings: {
            mode: inputs.mode,
            sandbox: inputs.sandbox,
            orgId: adobe.orgId,
            dryRun: inputs.dryRun,
            onExisting: inputs.onExisting,
            verify: inputs.verify,
            verifyTables: inputs.verifyTables,
            name: inputs.connection.name,
            connectionId: inputs.connection.id,
            specId: inputs.connection.specId,
            authSpecName: inputs.connection.authSpecName,
            maxAttempts: inputs.maxAttempts,
            settleTimeoutMs: inputs.settleTimeoutMs,
            runMarker,
            expectedParams: inputs.zoho.target
                ? [
                    { name: 'endpoint', wanted: inputs.zoho.target.apiDomain, secret: false },
                    { name: 'accountsUrl', wanted: inputs.zoho.target.accountsUrl, secret: false },
                    ...(inputs.zoho.clientId ? [{ name: 'clientId', wanted: inputs.zoho.clientId, secret: true }] : [])
                ]
                : [],
            connectionBody: async (zohoToken) => connectionBody(inputs, await description(), zohoToken)
        },
        services: {
            store: new FlowServiceClient(session),
            listSandboxes: () => listAvailableSandboxes(session),
            zohoAccessToken,
            clock: systemClock,
            deadlineAt,
            sleepWithin: async (ms, what) => {
                if (systemClock.now() + ms > deadlineAt) {
                    throw new ActionError(`The run reached its timeout (${timeoutSeconds} s) during ${what}; nothing more was sent: raise timeout, or rerun.`);
                }
                await systemClock.sleep(ms);
            },
            log: { info: (message) => core.info(message), warning: (message) => core.warning(message) },
            phase: (title, work) => core.group(title, work)
        },
        report
    });
}
/**
 * Marks the connections this run creates (in their description), so that the run can tell its
 * own copies, also one made by an attempt whose answer was lost, from another run's. Unique per
 * run: the jobs of a matrix share the GitHub run id, so a random part is added.
 */
function newRunMarker(env = process.env) {
    const run = env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}.${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : 'local';
    return `aep-zoho-run:${run}.${randomBytes(6).toString('hex')}`;
}
/** The run's one HTTP client, with the inputs' timeouts and attempts. */
function newHttpClient(inputs, dispatcher) {
    return new HttpClient({
        dispatcher,
        userAgent: USER_AGENT,
        timeoutMs: inputs.requestTimeoutMs,
        maxAttempts: inputs.maxAttempts,
        clock: http_systemClock,
        random: Math.random,
        log: { debug: (message) => lib_core/* debug */.Yz(message), info: (message) => lib_core/* info */.pq(message) }
    });
}
/** The given adobe-access-token, or one minted at IMS (masked before it is returned). */
function imsAccessToken(inputs, http, mask) {
    const { adobe } = inputs;
    if (adobe.accessToken)
        return Promise.resolve(adobe.accessToken);
    return mintImsToken(http, { imsUrl: adobe.imsUrl, clientId: adobe.clientId, clientSecret: adobe.clientSecret ?? '', scopes: adobe.scopes }, mask);
}
function platformSession(inputs, http, accessToken) {
    return {
        http,
        platformUrl: inputs.adobe.platformUrl,
        clientId: inputs.adobe.clientId,
        orgId: inputs.adobe.orgId,
        sandbox: inputs.sandbox,
        accessToken
    };
}
/** `zoho-check: token` refreshes once (proving client, secret, refresh token and data centre). */
async function zohoTokenFor(inputs, http, mask) {
    const { zoho } = inputs;
    if (!zoho.target || !zoho.clientId || !zoho.clientSecret || !zoho.refreshToken) {
        throw new ActionError('Zoho credentials are missing for a run that writes them');
    }
    if (zoho.check === 'none')
        return zoho.accessToken ?? '';
    const minted = await refreshZohoAccessToken(http, {
        accountsUrl: zoho.target.accountsUrl,
        endpoint: zoho.target.apiDomain,
        clientId: zoho.clientId,
        clientSecret: zoho.clientSecret,
        refreshToken: zoho.refreshToken
    }, mask);
    core.info(`Zoho issued an access token (masked) at ${zoho.target.accountsUrl}: client, secret, refresh token and data centre are valid`);
    return zoho.accessToken ?? minted;
}
/** The body of apis.md §2.3: name, description, the six auth params, the spec. */
function connectionBody(inputs, description, zohoAccessToken) {
    const { zoho, connection } = inputs;
    return {
        name: connection.name,
        description,
        auth: {
            specName: connection.authSpecName,
            params: {
                endpoint: zoho.target?.apiDomain ?? '',
                accountsUrl: zoho.target?.accountsUrl ?? '',
                clientId: zoho.clientId ?? '',
                clientSecret: zoho.clientSecret ?? '',
                accessToken: zohoAccessToken,
                refreshToken: zoho.refreshToken ?? ''
            }
        },
        connectionSpec: { id: connection.specId, version: connection.specVersion }
    };
}
async function defaultDescription() {
    const repository = process.env['GITHUB_REPOSITORY'];
    const workflow = process.env['GITHUB_WORKFLOW'];
    if (!repository)
        return 'Managed by the AEP Zoho CRM connection GitHub Action';
    const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return `Managed by GitHub Actions: ${context.repo.owner}/${context.repo.repo}${workflow ? `, workflow "${context.workflow}"` : ''}`;
}
function writeOutputs(inputs, report, secrets, failure) {
    const outputs = {
        'connection-id': report.connectionId ?? '',
        etag: report.etag ?? '',
        state: report.state ?? '',
        result: report.result ?? '',
        created: String(report.created),
        verified: report.verified,
        tables: inputs.verify === 'explore' && report.tables ? JSON.stringify(report.tables) : '',
        'deleted-ids': report.deletedIds.join(','),
        reason: failure ?? report.reason ?? '',
        sandbox: inputs.sandbox,
        'zoho-api-domain': inputs.zoho.target?.apiDomain ?? '',
        'zoho-accounts-url': inputs.zoho.target?.accountsUrl ?? ''
    };
    for (const [name, value] of Object.entries(outputs)) {
        // Never masked by this action; but a value containing someone's secret cannot cross jobs.
        if (value && secrets.appearsIn(value)) {
            core.warning(`Output ${name} contains the value of a secret input, so the runner will not pass it to other jobs.`);
        }
        core.setOutput(name, value);
    }
    // The post step (cleanup: created) deletes only what this run created, and only while it exists.
    if (inputs.cleanup === 'created')
        core.saveState(CREATED_STATE, report.created ? (report.connectionId ?? '') : '');
}
function once(make) {
    let promise;
    return () => (promise ??= make());
}

;// CONCATENATED MODULE: ./src/cleanup.ts




/** The post step's work: sign in and delete the one connection the main step created. */
async function deleteCreatedConnection(inputs, secrets, id) {
    const dispatcher = http_createDispatcher();
    try {
        const http = newHttpClient(inputs, dispatcher);
        const accessToken = await imsAccessToken(inputs, http, (value) => secrets.register(value));
        const store = new flow_service_FlowServiceClient(platformSession(inputs, http, accessToken));
        const outcome = await store.deleteConnection(id);
        const what = `connection ${id} in sandbox "${inputs.sandbox}", which the main step created`;
        if (outcome === 'deleted') {
            lib_core/* info */.pq(`cleanup: created: deleted the ${what}.`);
            await summarise(`🧹 Cleanup: deleted the ${what}.`);
        }
        else {
            await warnCleanupFailed(id, inputs.sandbox, 'it was already gone (deleted by hand or by another job)');
        }
    }
    finally {
        await dispatcher.close().catch(() => undefined);
    }
}
/** A cleanup that did not delete is a warning with the id, never a failed job. */
async function warnCleanupFailed(id, sandbox, why) {
    const message = `cleanup: created did not delete connection ${id} in sandbox "${sandbox}": ${why}`;
    lib_core/* warning */.$e(message);
    await summarise(`⚠️ Warning: ${message}`);
}
async function summarise(line) {
    if (!process.env['GITHUB_STEP_SUMMARY'])
        return;
    await lib_core/* summary */.z
        .addRaw(line.replace(/[&<>"'|[\]()!`*_\\]/g, (c) => `&#${c.charCodeAt(0)};`), true)
        .write()
        .catch(() => undefined);
}


/***/ })

};

//# sourceMappingURL=625.index.js.map