export const id = 957;
export const ids = [957];
export const modules = {

/***/ 7957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  provisionAndReport: () => (/* binding */ provisionAndReport)
});

// UNUSED EXPORTS: connectionBody

// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 2 modules
var api = __webpack_require__(2306);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/http.ts


const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
/**
 * No usable HTTP answer after every allowed attempt. An ordinary failure, not a bug: its message
 * names the service, the input that points at it, the cause and what to check.
 */
class NetworkError extends errors/* ActionError */.lZ {
    name = 'NetworkError';
    operation;
    attempts;
    kind;
    /** False only when the request surely never reached the server (refused, not resolved). */
    maybeApplied;
    constructor(req, failure, attempts) {
        super(networkFailureMessage(req, failure, attempts));
        this.operation = req.operation;
        this.attempts = attempts;
        this.kind = failure.kind;
        this.maybeApplied = failure.maybeApplied;
    }
}
function networkFailureMessage(req, failure, attempts) {
    const { origin } = new URL(req.url);
    const who = req.target ? `${req.target.service} (${req.target.input}: ${origin})` : origin;
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const input = req.target ? `${req.target.input}, ` : 'the URL, ';
    if (failure.kind === 'too-large') {
        return `${who} sent an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB while trying to ${req.operation}; it was refused and not retried. Check ${input}and any gateway or proxy in between.`;
    }
    const check = failure.kind === 'tls'
        ? ''
        : ` Check ${input}${failure.kind === 'timeout' ? 'request-timeout, ' : ''}the runner's network and the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).`;
    return `${who} could not be reached while trying to ${req.operation}: ${failure.reason} (${tries}).${check}`;
}
/** Bodies are read up to this size and no further: a bigger answer is refused, not retried. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
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
/**
 * A wait that the run's deadline allows, or a DeadlineError instead of sleeping past it. `what`
 * completes "while trying to …", e.g. "find the new connection".
 */
async function sleepWithin(clock, ms, deadlineAt, what) {
    if (deadlineAt !== undefined && clock.now() + ms > deadlineAt) {
        throw new DeadlineError(what, { detail: `a wait of ${formatSeconds(ms)} would have passed it` });
    }
    await clock.sleep(ms);
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** 127.0.0.0/8, localhost and [::1]: the only hosts plain http may go to. */
function isLoopbackHost(hostname) {
    return /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname);
}
/**
 * Loopback targets go direct, everything else through EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY). Plain http is allowed only to loopback hosts, so it never crosses a proxy: a
 * secret sent in clear never leaves the machine.
 */
class LoopbackDirectDispatcher extends undici.Dispatcher {
    #direct;
    #proxied;
    constructor(options) {
        super();
        this.#direct = new undici.Agent(options);
        this.#proxied = new undici.EnvHttpProxyAgent(options);
    }
    dispatch(options, handler) {
        const origin = options.origin === undefined ? undefined : new URL(String(options.origin));
        const direct = origin !== undefined && isLoopbackHost(origin.hostname);
        return (direct ? this.#direct : this.#proxied).dispatch(options, handler);
    }
    async close() {
        await Promise.all([this.#direct.close(), this.#proxied.close()]);
    }
    async destroy() {
        await Promise.all([this.#direct.destroy(), this.#proxied.destroy()]);
    }
}
/** One dispatcher per run. `options` are for tests (a `connect.lookup`). Close it when done. */
function createDispatcher(options = {}) {
    return new LoopbackDirectDispatcher(options);
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
        const { maxAttempts, clock, random, log, deadlineAt } = this.#settings;
        const policy = req.retry ?? 'idempotent';
        const label = `${req.method} ${new URL(req.url).pathname} (${req.operation})`;
        for (let attempt = 1;; attempt++) {
            if (deadlineAt !== undefined && clock.now() >= deadlineAt)
                throw new errors/* DeadlineError */.j3(req.operation);
            const outcome = await this.#attempt(req, attempt);
            if (outcome.deadline) {
                throw new errors/* DeadlineError */.j3(req.operation, { maybeApplied: outcome.error?.maybeApplied ?? true });
            }
            const retryable = outcome.response
                ? RETRYABLE_STATUSES.has(outcome.response.status) &&
                    (policy === 'idempotent' || outcome.response.status === 429)
                : !outcome.error?.final && (policy === 'idempotent' || !outcome.error?.maybeApplied);
            if (!retryable || attempt >= maxAttempts) {
                if (outcome.response)
                    return outcome.response;
                const error = outcome.error ?? { reason: 'no answer', kind: 'other', maybeApplied: true };
                throw new NetworkError(req, error, attempt);
            }
            const delay = retryDelayMs(attempt, outcome.response?.headers['retry-after'], clock.now(), random);
            const what = outcome.response ? `answered HTTP ${outcome.response.status}` : `failed (${outcome.error?.reason})`;
            if (deadlineAt !== undefined && clock.now() + delay > deadlineAt) {
                throw new errors/* DeadlineError */.j3(req.operation, {
                    detail: `it ${what}, and the wait of ${formatSeconds(delay)} before a retry would have passed the limit`,
                    maybeApplied: outcome.response === undefined && (outcome.error?.maybeApplied ?? true)
                });
            }
            log.info(`${label} ${what}; retrying in ${formatSeconds(delay)} (attempt ${attempt + 1} of ${maxAttempts})`);
            await clock.sleep(delay);
        }
    }
    /** An OAuth token request: credentials go in the form body, never in the URL. */
    postForm(operation, url, fields, target) {
        return this.send({
            operation,
            ...(target ? { target } : {}),
            method: 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString()
        });
    }
    async #attempt(req, attempt) {
        const { dispatcher, userAgent, timeoutMs, log, clock, deadlineAt } = this.#settings;
        const remaining = deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - clock.now());
        const cutByDeadline = remaining < timeoutMs;
        const signal = AbortSignal.timeout(Math.min(timeoutMs, remaining));
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
            const flat = flattenHeaders(response.headers);
            const body = await readBounded(response.body, flat['content-length']);
            log.debug(`${req.method} ${stripQuery(req.url)} answered HTTP ${response.statusCode}` +
                (flat['x-request-id'] ? ` (request id ${flat['x-request-id']})` : ''));
            if (body === undefined) {
                return {
                    error: { reason: 'too large', kind: 'too-large', maybeApplied: true, final: true }
                };
            }
            return { response: { status: response.statusCode, headers: flat, body, attempts: attempt } };
        }
        catch (error) {
            if (signal.aborted) {
                if (cutByDeadline) {
                    return {
                        error: { reason: 'the run reached its timeout', kind: 'timeout', maybeApplied: true },
                        deadline: true
                    };
                }
                return {
                    error: {
                        reason: `no answer within ${timeoutMs / 1000} s (request-timeout)`,
                        kind: 'timeout',
                        maybeApplied: true
                    }
                };
            }
            return { error: classifyNetworkError(error, req.url) };
        }
    }
}
/** The body as text, or undefined as soon as it grows past MAX_BODY_BYTES (nothing more is read). */
async function readBounded(body, contentLength) {
    if (contentLength !== undefined && Number(contentLength) > MAX_BODY_BYTES) {
        body.destroy();
        return undefined;
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
            body.destroy();
            return undefined;
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
const DNS_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const TIMEOUT_ERRORS = new Set([
    'ETIMEDOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
/** One cause per failure, in words; the code undici or Node gave is kept in brackets. */
function classifyNetworkError(error, url) {
    const outer = error;
    const code = outer.code && outer.code !== 'UND_ERR' ? outer.code : outer.cause?.code;
    const { host, hostname } = new URL(url);
    if (code && TLS_TRUST_ERRORS.has(code)) {
        return {
            reason: `the TLS certificate of ${host} is not trusted (${code}); when a proxy or private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate`,
            kind: 'tls',
            maybeApplied: false,
            final: true
        };
    }
    if (code === 'ECONNREFUSED')
        return { reason: 'the connection was refused', kind: 'refused', maybeApplied: false };
    if (code && DNS_ERRORS.has(code)) {
        return { reason: `the host name ${hostname} could not be resolved (${code})`, kind: 'dns', maybeApplied: false };
    }
    if (code && RESET_ERRORS.has(code)) {
        return { reason: `the connection was closed before an answer came (${code})`, kind: 'reset', maybeApplied: true };
    }
    if (code && TIMEOUT_ERRORS.has(code)) {
        return { reason: `no answer in time (${code})`, kind: 'timeout', maybeApplied: true };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `${code ?? 'network error'}: ${message}`, kind: 'other', maybeApplied: true };
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
function parseJsonLeniently(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Parses a JSON body, or explains in one line what came back instead. */
function parseJsonBody(response, what) {
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
    const parsed = parseJsonLeniently(response.body);
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
    return undefined;
}
/** What an Adobe error body may say, bounded: the rest of a 20 MB `errorMessage` is of no use. */
const MAX_ADOBE_MESSAGE = 1000;
/**
 * Turns a failed Platform answer into one line: which API refused what, Adobe's words, the likely
 * fix. An outage (5xx) and rate limiting (429) are worded as such, not as a refusal.
 */
function adobeError(response, ctx) {
    const parsed = readAdobeErrorBody(response);
    const api = ctx.api ?? "Adobe's Flow Service API";
    const status = `HTTP ${response.status}${parsed.code ? ` (${parsed.code})` : ''}`;
    const said = parsed.message ? `: ${parsed.message.slice(0, MAX_ADOBE_MESSAGE)}` : '';
    let line;
    if (response.status >= 500) {
        line = `${api} is unavailable (${status}) while trying to ${ctx.operation}${said}. This is on Adobe's side: retry later`;
    }
    else if (response.status === 429) {
        line = `${api} is rate limiting this credential (${status}) while trying to ${ctx.operation}${said}. Retry later, or run fewer jobs at once`;
    }
    else {
        const hint = hintFor(response.status, parsed.code, ctx);
        line = `${api} refused to ${ctx.operation}: ${status}${said}${hint ? `. Likely cause: ${hint}` : ''}`;
    }
    line = (0,errors/* oneLine */.TN)(line);
    return new errors/* ServiceError */._7(line, { status: response.status, code: parsed.code, requestId: parsed.requestId });
}

;// CONCATENATED MODULE: ./src/adobe/platform.ts

const PLATFORM = { service: 'Adobe Experience Platform', input: 'adobe-platform-url' };
async function callPlatform(session, call) {
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
        target: PLATFORM,
        method: call.method,
        url: `${session.platformUrl}${call.path}`,
        headers,
        ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : {}),
        ...(call.retry ? { retry: call.retry } : {})
    });
}
function platformError(session, operation, response, api = "Adobe's Flow Service API") {
    return adobeError(response, { api, operation, sandbox: session.sandbox, orgId: session.orgId });
}

;// CONCATENATED MODULE: ./src/adobe/flow-service.ts





const BASE = '/data/foundation/flowservice';
/**
 * The shape of a Flow Service resource id, as inputs.ts checks connection-id: ids from answers
 * are checked against it before they go into a URL, a log line or an output.
 */
const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;
const resourceId = schemas/* string */.YjP().check(api/* _regex */.Fk(RESOURCE_ID));
const connectionSchema = schemas/* object */.Ikc({
    id: resourceId,
    name: schemas/* string */.YjP(),
    description: schemas/* optional */.lqM(schemas/* string */.YjP()),
    state: schemas/* optional */.lqM(schemas/* string */.YjP()),
    etag: schemas/* optional */.lqM(schemas/* string */.YjP()),
    createdAt: schemas/* optional */.lqM(schemas/* number */.aig()),
    connectionSpec: schemas/* optional */.lqM(schemas/* object */.Ikc({ id: schemas/* string */.YjP(), version: schemas/* optional */.lqM(schemas/* string */.YjP()) }))
});
const listSchema = schemas/* object */.Ikc({
    items: schemas/* array */.YOg(connectionSchema),
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
const writeSchema = schemas/* object */.Ikc({ id: resourceId, etag: schemas/* optional */.lqM(schemas/* string */.YjP()) });
const testSchema = schemas/* object */.Ikc({ result: schemas/* boolean */.zMY() });
/** The create may or may not have been applied (timeout, reset, 5xx): look before re-sending. */
class CreateOutcomeUnknownError extends errors/* ActionError */.lZ {
    name = 'CreateOutcomeUnknownError';
}
/** `If-Match` named an etag that is no longer current (FLOW 1404-412). */
class StaleEtagError extends errors/* ActionError */.lZ {
    name = 'StaleEtagError';
}
/** Pages of one listing this action follows at most; fresh next links cannot keep it busy. */
const MAX_PAGES = 100;
/** True when a parse failed on an `id` field (the id itself is never repeated: it is untrusted). */
function badIdIn(error) {
    return error.issues.some((issue) => issue.path[issue.path.length - 1] === 'id');
}
/** Flow Service base connections (apis.md §2). */
class FlowServiceClient {
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
                throw new errors/* ActionError */.lZ(`Adobe's Flow Service API kept answering with a next page while trying to ${operation}; stopped after ${page} pages (the most this action follows is ${MAX_PAGES})`);
            seen.add(path);
            const body = this.#parse(await this.#call({ operation, method: 'GET', path }), operation, 200, listSchema);
            found.push(...body.items.filter((item) => item.name === name && (item.connectionSpec?.id ?? specId) === specId));
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
        return this.#parse(response, operation, 200, listSchema).items[0];
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
            if (error instanceof NetworkError && error.maybeApplied)
                throw new CreateOutcomeUnknownError(error.message);
            throw error;
        }
        if (response.status >= 500) {
            throw new CreateOutcomeUnknownError(platformError(this.#session, operation, response).message);
        }
        if (response.status === 200 || response.status === 201) {
            // Accepted, but an unreadable answer hides the id: as unknown as a timeout.
            const created = writeSchema.safeParse(parseJsonLeniently(response.body));
            if (!created.success) {
                throw new CreateOutcomeUnknownError(`Adobe's Flow Service API accepted the request to ${operation} (HTTP ${response.status}) but answered ${badIdIn(created.error) ? 'with an id that is not a valid resource id' : 'with an unreadable body'}`);
            }
            return { id: created.data.id, etag: created.data.etag };
        }
        throw platformError(this.#session, operation, response);
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
            throw new StaleEtagError(platformError(this.#session, operation, response).message);
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
        throw platformError(this.#session, operation, response);
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
    /** How many root objects (tables) the source lists. */
    async exploreRoot(id) {
        const operation = 'explore the connection';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connections/${encodeURIComponent(id)}/explore?objectType=root`
        });
        return this.#parse(response, operation, 200, schemas/* array */.YOg(schemas/* unknown */.L5J())).length;
    }
    /** A 404 about the resource itself; "Sandbox not found" (FLOW 2100/2101-404) is an error instead. */
    #resourceNotFound(response) {
        if (response.status !== 404)
            return false;
        const { code } = readAdobeErrorBody(response);
        return code !== '2100-404' && code !== '2101-404';
    }
    #call(call) {
        return callPlatform(this.#session, call);
    }
    #parse(response, operation, ok, schema) {
        const expected = Array.isArray(ok) ? ok : [ok];
        if (!expected.includes(response.status))
            throw platformError(this.#session, operation, response);
        const parsed = schema.safeParse(parseJsonBody(response, `Flow Service (${operation})`));
        if (!parsed.success) {
            throw new errors/* ActionError */.lZ(`Adobe's Flow Service API answered HTTP ${response.status} ${badIdIn(parsed.error) ? 'with an id that is not a valid resource id' : 'with a body of an unexpected shape'} while trying to ${operation}; not using it`);
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
    const response = await http.postForm('exchange the client credentials for an access token', `${credentials.imsUrl}/ims/token/v3`, {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: credentials.scopes.join(',')
    }, { service: 'Adobe IMS', input: 'adobe-ims-url' });
    if (response.status === 200) {
        const parsed = tokenResponse.safeParse(parseJsonBody(response, 'Adobe IMS'));
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
    const parsed = errorResponse.safeParse(parseJsonLeniently(body) ?? {});
    const error = parsed.success ? parsed.data.error : undefined;
    const description = parsed.success ? parsed.data.error_description : undefined;
    // Bounded: an IMS (or a proxy posing as one) may answer anything.
    const said = [error, description].filter(Boolean).join(': ').slice(0, 1000);
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
        const debug = debugId ? ` (IMS debug id ${debugId})` : '';
        const what = status === 429 ? 'is rate limiting this credential' : 'is unavailable';
        return new errors/* ServiceError */._7((0,errors/* oneLine */.TN)(`Adobe IMS ${what} (HTTP ${status}${said ? `: ${said}` : ''}). This is on Adobe's side: retry later${debug}`), { status, code: error });
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
const API = "Adobe's Sandbox API";
const PAGE_SIZE = 100;
const sandboxes_MAX_PAGES = 20;
/**
 * The sandboxes this credential can see, from the endpoint open to non-admins (apis.md §3.2).
 * Undefined when the credential may not list them: Flow Service's own "Sandbox not found" then
 * has to speak.
 */
async function listAvailableSandboxes(session) {
    const operation = 'list sandboxes';
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
            throw platformError(session, operation, response, API);
        const parsed = sandboxes_listSchema.safeParse(parseJsonBody(response, API));
        if (!parsed.success) {
            throw new errors/* ServiceError */._7(`${API} answered HTTP 200 with a sandbox list of an unexpected shape`, {
                status: response.status,
                requestId: response.headers['x-request-id']
            });
        }
        sandboxes.push(...parsed.data.sandboxes);
        if (parsed.data.sandboxes.length < PAGE_SIZE)
            break;
    }
    return sandboxes;
}

;// CONCATENATED MODULE: ./src/decisions.ts
/** Oldest first by `createdAt`, ties (and missing timestamps, last) broken by id. */
function byAge(a, b) {
    const at = a.createdAt ?? Number.POSITIVE_INFINITY;
    const bt = b.createdAt ?? Number.POSITIVE_INFINITY;
    if (at !== bt)
        return at < bt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/** The connection every run converges on when a name exists more than once. */
function oldest(candidates) {
    return [...candidates].sort(byAge)[0];
}
function ensureAction(existing, onExisting) {
    if (existing === 0)
        return 'create';
    return onExisting;
}
/**
 * After this run created `ours`, the twins with the same name decide who wins: an older twin
 * means another run got there first, so ours must go. `ours` may be missing from a listing
 * that lags; then it counts as the newest.
 */
function raceWinner(ours, listed) {
    const listedOurs = listed.find((c) => c.id === ours.id);
    const others = listed.filter((c) => c.id !== ours.id);
    const oursForComparison = listedOurs ?? { ...ours, createdAt: Number.POSITIVE_INFINITY };
    const winner = oldest([oursForComparison, ...others]) ?? oursForComparison;
    return winner.id === ours.id ? { winner: listedOurs ?? ours, oursLost: false } : { winner, oursLost: true };
}
/** A problem when the spec lists its auth specs and the name is not one of them. */
function authSpecProblem(authSpecName, available) {
    if (!available || available.length === 0 || available.includes(authSpecName))
        return undefined;
    return `auth-spec-name "${authSpecName}" is not an auth spec of this connection spec; valid names: ${available.map((n) => `"${n}"`).join(', ')}`;
}

;// CONCATENATED MODULE: ./src/plan.ts




function newReport() {
    return { created: false, verified: 'skipped', notes: [] };
}
async function executePlan(settings, services, report) {
    const existing = await services.phase(`Look up "${settings.name}" in sandbox "${settings.sandbox}"`, () => preflight(settings, services));
    switch (settings.mode) {
        case 'ensure':
            return ensure(settings, services, report, existing);
        case 'create':
            return create(settings, services, report, existing);
        case 'check':
            return check(settings, services, report, existing);
        case 'delete':
            return remove(settings, services, report, existing);
    }
}
/**
 * The reads every mode starts with, sent together: the sandbox list, the connection spec and the
 * lookup. Failures are reported in the order that explains the most (an unknown sandbox first).
 */
async function preflight(settings, services) {
    const { store } = services;
    const [sandboxes, spec, existing] = await Promise.allSettled([
        services.listSandboxes(),
        store.getConnectionSpec(settings.specId),
        lookup(settings, store)
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
        throw new errors/* ActionError */.lZ(`The Zoho CRM source (connection spec ${settings.specId}) is not available to org ${settings.orgId} in sandbox ` +
            `"${settings.sandbox}". Adobe announced the deprecation of the Zoho CRM source for the end of June 2025, so it ` +
            'may have been withdrawn; if you meant another source, check connection-spec-id.');
    }
    const authSpecs = spec.value.authSpec?.map((auth) => auth.name);
    const problem = authSpecProblem(settings.authSpecName, authSpecs);
    if (problem)
        throw new errors/* ActionError */.lZ(problem);
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
        throw new errors/* ActionError */.lZ(`Sandbox "${settings.sandbox}" is not one of the sandboxes this credential can see in org ${settings.orgId}` +
            (names.length > 0 ? ` (${names.join(', ')})` : ' (it can see none)') +
            ': check the sandbox input (the name, not the title), or add the sandbox to the product profile of the credential.');
    }
    if (match.state && match.state !== 'active') {
        throw new errors/* ActionError */.lZ(`Sandbox "${settings.sandbox}" is ${match.state}, not active: wait until it is active, then rerun.`);
    }
}
async function lookup(settings, store) {
    if (!settings.connectionId)
        return store.findConnectionsByName(settings.name, settings.specId);
    const connection = await store.getConnection(settings.connectionId);
    if (!connection)
        return [];
    const specId = connection.connectionSpec?.id;
    if (specId && specId !== settings.specId) {
        throw new errors/* ActionError */.lZ(`Connection ${connection.id} ("${connection.name}") belongs to connection spec ${specId}, not ${settings.specId}: refusing to act on it. Check connection-id.`);
    }
    return [connection];
}
/** A line for the log and the summary. */
function note(services, report, message) {
    services.log.info(message);
    report.notes.push(message);
}
function describeConnection(settings, id) {
    return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`;
}
function record(report, connection) {
    report.connectionId = connection.id;
    if (connection.etag !== undefined)
        report.etag = connection.etag;
    if (connection.state !== undefined)
        report.state = connection.state;
}
/** Picks the oldest of several same-named connections and says which others exist. */
function chooseExisting(settings, services, report, existing) {
    const chosen = oldest(existing);
    if (!chosen)
        return undefined;
    if (existing.length > 1) {
        const others = existing.filter((c) => c.id !== chosen.id).map((c) => c.id);
        const message = `${existing.length} connections are named "${settings.name}" in sandbox "${settings.sandbox}"; using the oldest, ${chosen.id}. The others: ${others.join(', ')}`;
        services.log.warning(message);
        report.notes.push(message);
    }
    return chosen;
}
async function ensure(settings, services, report, existing) {
    const chosen = chooseExisting(settings, services, report, existing);
    const action = ensureAction(existing.length, settings.onExisting);
    if (!chosen || action === 'create')
        return createAndSettle(settings, services, report);
    record(report, chosen);
    if (action === 'fail') {
        throw new errors/* ActionError */.lZ(`A ${describeConnection(settings, chosen.id)} already exists and on-existing is fail: use on-existing: reuse or update, or another connection-name.`);
    }
    if (chosen.state && chosen.state !== 'enabled') {
        services.log.warning(`The existing ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    if (action === 'reuse') {
        report.result = 'reused';
        note(services, report, `Reusing the existing ${describeConnection(settings, chosen.id)}.`);
        return verifyOrFail(settings, services, report, chosen.id, 'exists');
    }
    if (settings.dryRun) {
        report.result = 'would-update';
        note(services, report, `Dry run: would replace the credentials and description of ${chosen.id} (If-Match its etag).`);
        return;
    }
    await services.phase(`Update ${chosen.id}`, async () => {
        await update(settings, services, report, chosen);
        report.result = 'updated';
        note(services, report, `Replaced the credentials and description of the ${describeConnection(settings, chosen.id)}.`);
    });
    return verifyOrFail(settings, services, report, chosen.id, 'was updated');
}
async function create(settings, services, report, existing) {
    const chosen = oldest(existing);
    if (chosen) {
        record(report, chosen);
        throw new errors/* ActionError */.lZ(`A ${describeConnection(settings, chosen.id)} already exists, and create mode never makes a second one: use mode: ensure to reuse it.`);
    }
    return createAndSettle(settings, services, report);
}
/**
 * Creates, then settles a race: the verification and a fresh lookup go out together; when an
 * older twin exists (another run of a matrix got there first), this run's copy is deleted and the
 * older one adopted, so that every run ends on the same id.
 */
async function createAndSettle(settings, services, report) {
    if (settings.dryRun) {
        report.result = 'would-create';
        note(services, report, `Dry run: would create "${settings.name}" in sandbox "${settings.sandbox}".`);
        return;
    }
    const created = await services.phase(`Create "${settings.name}"`, async () => {
        const body = await settings.connectionBody(await services.zohoAccessToken());
        const made = await createOnce(settings, services, body);
        report.connectionId = made.id;
        if (made.etag !== undefined)
            report.etag = made.etag;
        report.created = true;
        report.result = 'created';
        note(services, report, `Created the ${describeConnection(settings, made.id)}.`);
        return made;
    });
    const [verification, twins] = await services.phase(`Verify ${created.id} and look for a concurrent twin`, () => Promise.allSettled([
        runVerification(settings, services, created.id),
        services.store.findConnectionsByName(settings.name, settings.specId)
    ]));
    if (twins.status === 'rejected') {
        throw withExisting(twins.reason, `The ${describeConnection(settings, created.id)} was created, but the check for a concurrent twin failed`);
    }
    const { winner, oursLost } = raceWinner({ id: created.id, name: settings.name }, twins.value);
    if (!oursLost) {
        record(report, winner);
        if (verification.status === 'rejected')
            throw verification.reason;
        return finishVerification(settings, report, created.id, verification.value, 'was created');
    }
    await services.store.deleteConnection(created.id).catch((error) => {
        throw withExisting(error, `Another run created "${settings.name}" first (id ${winner.id}), and deleting this run's copy ${created.id} failed, so both exist in sandbox "${settings.sandbox}"`);
    });
    const message = `Another run created "${settings.name}" first (id ${winner.id}); deleted this run's copy ${created.id}`;
    note(services, report, message);
    report.created = false;
    record(report, winner);
    if (settings.mode === 'create') {
        delete report.result;
        throw new errors/* ActionError */.lZ(`${message}. create mode fails when the name exists: the ${describeConnection(settings, winner.id)} is the one that remains.`);
    }
    report.result = 'reused';
    return verifyOrFail(settings, services, report, winner.id, 'exists');
}
/**
 * Sends the create once. When its outcome is unknown, looks up the name before anything else:
 * what the first attempt made is adopted, and only a proven absence allows another attempt.
 */
async function createOnce(settings, services, body) {
    for (let attempt = 1;; attempt++) {
        try {
            return await services.store.createConnection(body);
        }
        catch (error) {
            if (!(error instanceof CreateOutcomeUnknownError))
                throw error;
            services.log.warning(`The create's outcome is unknown (${error.message}); looking for it by name before anything else.`);
            const found = oldest(await services.store.findConnectionsByName(settings.name, settings.specId));
            if (found) {
                services.log.info(`The first attempt did create it: adopting ${found.id}.`);
                return { id: found.id, etag: found.etag };
            }
            if (attempt >= settings.maxAttempts) {
                throw new errors/* ActionError */.lZ(`Creating "${settings.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); a lookup afterwards found no such connection in sandbox "${settings.sandbox}", so nothing was left behind.`);
            }
            await services.clock.sleep(retryDelayMs(attempt, undefined, services.clock.now(), services.random));
        }
    }
}
/** Replaces `/auth/params` and the description with If-Match; a stale etag is re-read once. */
async function update(settings, services, report, connection) {
    const body = await settings.connectionBody(await services.zohoAccessToken());
    const patch = [
        { op: 'replace', path: '/auth/params', value: body.auth.params },
        { op: 'replace', path: '/description', value: body.description }
    ];
    let etag = connection.etag;
    for (let attempt = 1;; attempt++) {
        if (etag === undefined) {
            const current = await services.store.getConnection(connection.id);
            if (!current)
                throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, connection.id)} disappeared before it could be updated.`);
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
async function check(settings, services, report, existing) {
    const chosen = chooseExisting(settings, services, report, existing);
    if (!chosen) {
        const what = settings.connectionId ? `connection ${settings.connectionId}` : `connection named "${settings.name}"`;
        throw new errors/* ActionError */.lZ(`No ${what} exists in sandbox "${settings.sandbox}": run this action with mode: ensure first.`);
    }
    record(report, chosen);
    report.result = 'found';
    note(services, report, `Found the ${describeConnection(settings, chosen.id)}, state ${chosen.state ?? 'unknown'}.`);
    if (chosen.state !== undefined && chosen.state !== 'enabled') {
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    return verifyOrFail(settings, services, report, chosen.id, 'exists');
}
async function remove(settings, services, report, existing) {
    const chosen = oldest(existing);
    if (!chosen) {
        report.result = 'absent';
        note(services, report, `Nothing to delete: no such connection in sandbox "${settings.sandbox}".`);
        return;
    }
    report.connectionId = chosen.id;
    const ids = existing.map((c) => c.id);
    if (settings.dryRun) {
        report.result = 'would-delete';
        note(services, report, `Dry run: would delete ${ids.join(', ')}.`);
        return;
    }
    const outcomes = await services.phase(`Delete ${ids.join(', ')}`, () => Promise.allSettled(ids.map((id) => services.store.deleteConnection(id))));
    const failed = outcomes.flatMap((outcome, i) => outcome.status === 'rejected' ? [{ id: ids[i], reason: outcome.reason }] : []);
    const deleted = ids.filter((_, i) => outcomes[i]?.status === 'fulfilled' && outcomes[i].value === 'deleted');
    if (deleted.length > 0)
        note(services, report, `Deleted ${deleted.join(', ')} in sandbox "${settings.sandbox}".`);
    if (failed.length > 0) {
        const first = failed[0];
        throw withExisting(first?.reason, `Could not delete connection ${first?.id} in sandbox "${settings.sandbox}"`);
    }
    report.result = deleted.length > 0 ? 'deleted' : 'absent';
}
async function runVerification(settings, services, id) {
    const outcome = await verificationOutcome(settings, services, id);
    if (outcome.verified !== 'skipped') {
        services.log.info(`Verification (${settings.verify}) of ${id}: ${outcome.verified === 'true' ? 'passed' : 'failed'}`);
    }
    return outcome;
}
async function verificationOutcome(settings, services, id) {
    try {
        if (settings.verify === 'none')
            return { verified: 'skipped' };
        if (settings.verify === 'test') {
            return (await services.store.testConnection(id))
                ? { verified: 'true' }
                : { verified: 'false', problem: 'its test (GET /connections/{id}/test) answered result: false' };
        }
        const tables = await services.store.exploreRoot(id);
        return tables > 0
            ? { verified: 'true' }
            : { verified: 'false', problem: 'exploring it (objectType=root) listed no tables' };
    }
    catch (error) {
        if (error instanceof errors/* ServiceError */._7 && error.status === 404)
            return { verified: 'false', gone: true };
        if (error instanceof errors/* ActionError */.lZ)
            return { verified: 'false', problem: error.message };
        throw error;
    }
}
async function verifyOrFail(settings, services, report, id, what) {
    const outcome = await services.phase(`Verify ${id} (${settings.verify})`, () => runVerification(settings, services, id));
    return finishVerification(settings, report, id, outcome, what);
}
function finishVerification(settings, report, id, outcome, what) {
    report.verified = outcome.verified;
    if (outcome.verified === 'true')
        report.notes.push(`Verified with ${settings.verify}.`);
    if (outcome.gone) {
        // What the outputs named no longer exists: hand nothing on to later jobs.
        delete report.connectionId;
        delete report.etag;
        delete report.state;
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.name}" is left; rerun to create it again.`);
    }
    if (outcome.verified === 'false') {
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, id)} ${what}, but its verification failed: ${outcome.problem}. ` +
            'Check the Zoho credentials and data centre, then rerun with on-existing: update.');
    }
}
/** Prefixes a failure with what exists, keeping Adobe's request id. */
function withExisting(error, prefix) {
    if (error instanceof errors/* ServiceError */._7) {
        return new errors/* ServiceError */._7(`${prefix}: ${error.message.replace(/ \(Adobe request id [^)]*\)$/, '')}`, error);
    }
    if (error instanceof Error)
        return new errors/* ActionError */.lZ(`${prefix}: ${error.message}`);
    return new errors/* ActionError */.lZ(prefix);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
;// CONCATENATED MODULE: ./src/runner-output.ts
/**
 * The one module that prints to the runner once inputs are valid: log lines, debug lines,
 * warnings, notices, group titles and outputs. Every text passes `runnerLine` (redacted, one line,
 * bounded, unable to start a workflow command) on its way out. `eslint.config.js` forbids
 * `@actions/core` everywhere else in `src/`, so an unsafe call cannot be written by accident.
 */


/** Outputs are read by later steps, not people: room for a list of tables, still bounded. */
const MAX_OUTPUT_LENGTH = 65_536;
class RunnerOutput {
    #secrets;
    constructor(secrets) {
        this.#secrets = secrets;
    }
    /** The text as it may be shown: for messages built here and printed elsewhere (the summary). */
    line(text, max) {
        return (0,workflow_commands/* runnerLine */.XJ)(text, (part) => this.#secrets.redact(part), max);
    }
    info(message) {
        core/* info */.pq(this.line(message));
    }
    debug(message) {
        core/* debug */.Yz(this.line(message));
    }
    warning(message) {
        core/* warning */.$e(this.line(message));
    }
    notice(message) {
        core/* notice */.lm(this.line(message));
    }
    group(title, work) {
        return core/* group */.Os(this.line(title), work);
    }
    /** Never masked (the runner would drop it); redacted only should a secret have crept in. */
    setOutput(name, value) {
        core/* setOutput */.uH(name, this.line(value, MAX_OUTPUT_LENGTH));
    }
}

// EXTERNAL MODULE: ./src/summary.ts + 1 modules
var summary = __webpack_require__(2348);
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
    const region = (0,regions/* regionOfAccountsHost */.kK)(new URL(accountsUrl).hostname);
    const where = region ? `${accountsUrl}, Zoho's ${(0,regions/* describe */.q0)(region)} data centre` : accountsUrl;
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
async function refreshZohoAccessToken(http, request, mask) {
    let answer;
    try {
        answer = await http.postForm('refresh the Zoho access token', `${request.accountsUrl}/oauth/v2/token`, {
            grant_type: 'refresh_token',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            refresh_token: request.refreshToken
        }, { service: "Zoho's accounts server", input: 'zoho-accounts-url' });
    }
    catch (error) {
        if (error instanceof NetworkError)
            throw new errors/* ActionError */.lZ(`${error.message} Nothing was written to Adobe.`);
        throw error;
    }
    const verdict = judgeRefreshAnswer(answer.status, answer.body);
    if (verdict.ok)
        mask(verdict.accessToken);
    if (!verdict.ok)
        throw new errors/* ActionError */.lZ((0,errors/* oneLine */.TN)(refreshFailureMessage(verdict, request.accountsUrl)));
    if (verdict.apiDomain && !(0,regions/* sameDataCentre */._Q)(request.endpoint, verdict.apiDomain)) {
        throw new errors/* ActionError */.lZ(`Zoho says this account's API domain is ${verdict.apiDomain}, but zoho-endpoint is ${request.endpoint}: ` +
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
    const out = new RunnerOutput(secrets);
    const observed = { warnings: [] };
    let dispatcher;
    let failure;
    try {
        dispatcher = createDispatcher();
        await provision(inputs, dispatcher, secrets, report, out, observed);
    }
    catch (error) {
        failure = out.line((0,errors/* describeFailure */.Ic)(error));
    }
    finally {
        await dispatcher?.close().catch(() => undefined);
    }
    try {
        writeOutputs(inputs, report, secrets, out);
    }
    catch (error) {
        // A runner that gives no writable GITHUB_OUTPUT: the step cannot hand anything on.
        failure ??= out.line(`Could not write the step outputs: ${(0,errors/* describeFailure */.Ic)(error)}`);
    }
    const region = inputs.zoho.target && (0,regions/* regionOfAccountsHost */.kK)(new URL(inputs.zoho.target.accountsUrl).hostname);
    try {
        (0,summary/* appendSummary */.fe)((0,summary/* renderSummary */.Br)({
            mode: inputs.mode,
            sandbox: inputs.sandbox,
            name: inputs.connection.name,
            dryRun: inputs.dryRun,
            report,
            elapsedMs: Date.now() - startedAt,
            failure,
            verify: inputs.verify,
            tables: observed.tables,
            zohoDataCentre: inputs.zoho.target &&
                (region ? `${(0,regions/* describe */.q0)(region)}, ${inputs.zoho.target.accountsUrl}` : inputs.zoho.target.accountsUrl),
            warnings: observed.warnings
        }, (text) => secrets.redact(text)));
    }
    catch (error) {
        out.warning(`Could not write the job summary: ${(0,errors/* describeFailure */.Ic)(error)}`);
    }
    return failure;
}
async function provision(inputs, dispatcher, secrets, report, out, observed) {
    const mask = (value) => secrets.register(value);
    const http = new HttpClient({
        dispatcher,
        userAgent: USER_AGENT,
        timeoutMs: inputs.requestTimeoutMs,
        maxAttempts: inputs.maxAttempts,
        clock: systemClock,
        random: Math.random,
        log: { debug: (message) => out.debug(message), info: (message) => out.info(message) }
    });
    const zohoAccessToken = once(() => zohoTokenFor(inputs, http, mask, out));
    const { adobe } = inputs;
    const imsToken = adobe.accessToken
        ? Promise.resolve(adobe.accessToken)
        : mintImsToken(http, {
            imsUrl: adobe.imsUrl,
            clientId: adobe.clientId,
            clientSecret: adobe.clientSecret ?? '',
            scopes: adobe.scopes
        }, mask);
    // create always writes Zoho credentials, so its one refresh runs alongside the IMS exchange.
    const writesNow = inputs.mode === 'create' && !inputs.dryRun;
    const [accessToken] = await out.group(writesNow ? 'Sign in to Adobe IMS and Zoho' : 'Sign in to Adobe IMS', async () => {
        const tokens = await Promise.all([imsToken, writesNow ? zohoAccessToken() : undefined]);
        out.info(adobe.accessToken ? 'Using the given adobe-access-token' : 'Adobe IMS issued an access token (masked)');
        return tokens;
    });
    const session = {
        http,
        platformUrl: adobe.platformUrl,
        clientId: adobe.clientId,
        orgId: adobe.orgId,
        sandbox: inputs.sandbox,
        accessToken
    };
    // Only a run that writes needs the description, and only then is @actions/github loaded.
    const description = once(async () => inputs.connection.description ?? (await defaultDescription()));
    await executePlan({
        mode: inputs.mode,
        sandbox: inputs.sandbox,
        orgId: adobe.orgId,
        dryRun: inputs.dryRun,
        onExisting: inputs.onExisting,
        verify: inputs.verify,
        name: inputs.connection.name,
        connectionId: inputs.connection.id,
        specId: inputs.connection.specId,
        authSpecName: inputs.connection.authSpecName,
        maxAttempts: inputs.maxAttempts,
        connectionBody: async (zohoToken) => connectionBody(inputs, await description(), zohoToken)
    }, {
        store: observeTables(new FlowServiceClient(session), observed),
        listSandboxes: () => listAvailableSandboxes(session),
        zohoAccessToken,
        clock: systemClock,
        random: Math.random,
        log: {
            info: (message) => out.info(message),
            warning: (message) => {
                observed.warnings.push(message);
                out.warning(message);
            }
        },
        phase: (title, work) => out.group(title, work)
    }, report);
}
/** `zoho-check: token` refreshes once (proving client, secret, refresh token and data centre). */
async function zohoTokenFor(inputs, http, mask, out) {
    const { zoho } = inputs;
    if (!zoho.target || !zoho.clientId || !zoho.clientSecret || !zoho.refreshToken) {
        throw new errors/* ActionError */.lZ('Zoho credentials are missing for a run that writes them');
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
    out.info(`Zoho issued an access token (masked) at ${zoho.target.accountsUrl}: client, secret, refresh token and data centre are valid`);
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
function writeOutputs(inputs, report, secrets, out) {
    const outputs = {
        'connection-id': report.connectionId ?? '',
        etag: report.etag ?? '',
        state: report.state ?? '',
        result: report.result ?? '',
        created: String(report.created),
        verified: report.verified,
        sandbox: inputs.sandbox,
        'zoho-api-domain': inputs.zoho.target?.apiDomain ?? '',
        'zoho-accounts-url': inputs.zoho.target?.accountsUrl ?? ''
    };
    for (const [name, value] of Object.entries(outputs)) {
        // Never masked by this action; but a value containing someone's secret cannot cross jobs.
        if (value && secrets.appearsIn(value)) {
            out.warning(`Output ${name} contained the value of a secret input; it is set with that value redacted.`);
        }
        out.setOutput(name, value);
    }
}
/** Counts the tables `explore` lists, for the summary's verification line. */
function observeTables(store, observed) {
    const exploreRoot = store.exploreRoot.bind(store);
    store.exploreRoot = async (id) => (observed.tables = await exploreRoot(id));
    return store;
}
function once(make) {
    let promise;
    return () => (promise ??= make());
}


/***/ })

};

//# sourceMappingURL=957.index.js.map