export const id = 485;
export const ids = [485];
export const modules = {

/***/ 485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAndReport: () => (/* binding */ runAndReport)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 2 modules
var api = __webpack_require__(2306);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/zoho/regions.ts
var regions = __webpack_require__(2403);
;// CONCATENATED MODULE: ./src/plan/decisions.ts
/**
 * Pure decisions over plain data: which connection wins, what ensure must do, whether a stored
 * connection matches the inputs, whether an auth spec name fits. No I/O here, so each rule is
 * unit-tested directly.
 */


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
function ensureAction(existingCount, onExisting) {
    if (existingCount === 0)
        return 'create';
    return onExisting;
}
/** True when this run wrote `marker` into the connection's description, so the run made it. */
function madeBy(marker, connection) {
    return connection.description?.includes(marker) ?? false;
}
/**
 * The twin check after a create, over a listing that shows `oursId` (so every connection created
 * before it is listed too): the oldest of all wins; every other connection this run made
 * (recognised by its marker, such as a copy from an attempt whose answer was lost) must go.
 * Connections of other runs are theirs to remove.
 */
function settleTwins(oursId, marker, listed) {
    const winner = oldest(listed);
    const ownCopiesToDelete = listed.filter((c) => c.id !== winner?.id && (c.id === oursId || madeBy(marker, c)));
    return { winner, ownCopiesToDelete };
}
/**
 * Forms Adobe may show in place of a value it hides (api-notes.md §5.1): starred or dotted
 * masks, whole or partial; placeholders such as `{CLIENT_ID}`, `<hidden>` or `${secret}`; words
 * such as `REDACTED`; and encrypted forms with a prefix (`enc:…`, `ENC(…)`, `{cipher}…`).
 */
const HIDDEN_FORM = /[*\u2022\u25cf]{3}|^[*\u2022\u25cf]+$|^x{4,}$|^[<{[(].*[>}\])]$|^\$\{.*\}$|^(?:hidden|masked|redacted|encrypted|secret|null|undefined|none|n\/a)$|^(?:enc|encrypted|cipher)[:(]|^\{cipher\}/i;
function isHiddenForm(value) {
    return HIDDEN_FORM.test(value.trim());
}
/** The form Zoho gives its client ids (`1000.` and upper-case letters and digits). */
const ZOHO_CLIENT_ID = /^\d+\.[A-Za-z0-9]+$/;
function readUrl(text) {
    try {
        const url = new URL(text.trim());
        return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
    }
    catch {
        return undefined;
    }
}
/** Scheme and host lower-cased and the default port dropped (by URL itself), trailing slashes ignored. */
function canonicalUrl(url) {
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}
/**
 * Compares what Adobe shows of a param with what the inputs want (api-notes.md §5.1). Only a
 * readable value of the same kind that disagrees is `different`: for a Zoho host, another data
 * centre; for another host, another canonical URL; for a client id, another id of Zoho's form.
 */
function compareParam(shown, expectation) {
    if (shown === undefined || shown.trim() === '' || isHiddenForm(shown))
        return 'unknown';
    if (expectation.kind === 'client-id') {
        const value = shown.trim();
        if (!ZOHO_CLIENT_ID.test(value))
            return 'unknown';
        return value.toLowerCase() === expectation.wanted.trim().toLowerCase() ? 'same' : 'different';
    }
    const stored = readUrl(shown);
    const wanted = readUrl(expectation.wanted);
    if (!stored || !wanted)
        return 'unknown';
    const regionOf = expectation.kind === 'api-url' ? regions/* regionOfApiHost */.uB : regions/* regionOfAccountsHost */.kK;
    const storedRegion = regionOf(stored.hostname);
    const wantedRegion = regionOf(wanted.hostname);
    if (storedRegion || wantedRegion)
        return storedRegion === wantedRegion ? 'same' : 'different';
    return canonicalUrl(stored) === canonicalUrl(wanted) ? 'same' : 'different';
}
/** Both a Zoho host, of two different data centres: never a mere form of the value wanted. */
function onAnotherDataCentre(shown, expectation) {
    if (expectation.kind === 'client-id')
        return false;
    const regionOf = expectation.kind === 'api-url' ? regions/* regionOfApiHost */.uB : regions/* regionOfAccountsHost */.kK;
    const stored = readUrl(shown);
    const wanted = readUrl(expectation.wanted);
    const storedRegion = stored && regionOf(stored.hostname);
    const wantedRegion = wanted && regionOf(wanted.hostname);
    return storedRegion !== undefined && wantedRegion !== undefined && storedRegion !== wantedRegion;
}
/** The params Adobe shows that compare as different, in the order expected. */
function differingParams(stored, expected) {
    return expected.flatMap((expectation) => {
        const shown = stored?.[expectation.name];
        return shown !== undefined && compareParam(shown, expectation) === 'different' ? [{ expectation, shown }] : [];
    });
}
/**
 * Why a stored connection does not match the inputs, or undefined when no param Adobe shows
 * compares as different. A param Adobe leaves out, shows empty or hidden is unknown, never
 * different: a connection imported without credentials is judged by its verification.
 * `writtenAsWanted`: this action last wrote exactly these values (`writtenParamsTag`), so a
 * form that still compares as different is how Adobe shows them, not a reason to write again.
 */
function paramDifference(stored, expected, writtenAsWanted = false) {
    // The tag excuses a form of the values written, never a Zoho host of another data centre: that
    // is a change made since (by hand, in Adobe's UI), and the data centre is what must agree.
    const [first] = differingParams(stored, expected).filter(({ expectation, shown }) => !writtenAsWanted || onAnotherDataCentre(shown, expectation));
    if (!first)
        return undefined;
    const { expectation, shown } = first;
    return expectation.secret
        ? `param ${expectation.name} differs from the input (values not shown: it comes from a secret input)`
        : `param ${expectation.name} is ${shown}, wanted ${expectation.wanted}`;
}
/**
 * A tag for the description of every connection this action writes, naming the params it wrote
 * by their digest, so that a later run knows when Adobe shows those same values in another form.
 * A digest, not the values: one of them comes from a secret input (so the run masks the digest).
 */
function writtenParamsTag(expected) {
    return `[params:${writtenParamsDigest(expected)}]`;
}
function writtenParamsDigest(expected) {
    const written = expected.map(({ name, wanted }) => [name, wanted]);
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(written)).digest('hex').slice(0, 12);
}
/** Names are matched after Unicode NFC normalisation (api-notes.md §5.4). */
function sameName(a, b) {
    return a.normalize('NFC') === b.normalize('NFC');
}
/**
 * The warning when Adobe shows a created connection's name in another form than the one sent
 * (api-notes.md §5.4), both spelled out: printed as they are, two Unicode forms look the same.
 */
function nameShownDifferently(sent, shown) {
    if (sent === shown)
        return undefined;
    const found = sameName(sent, shown)
        ? 'later runs still find it: names are matched after Unicode NFC normalisation'
        : 'later runs looking it up by this name may not find it';
    return `Adobe shows the new connection's name as "${spelledOut(shown)}", not as sent, "${spelledOut(sent)}"; ${found}.`;
}
/** A name with every character outside printable ASCII spelled as its code point, to tell forms apart. */
function spelledOut(name) {
    return [...name]
        .map((char) => {
        const code = char.codePointAt(0) ?? 0;
        return code >= 0x20 && code < 0x7f ? char : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
    })
        .join('');
}
/** The names in `required` that no listed table has as name or path; `nearly` holds case-insensitive near misses. */
function missingTables(required, listed) {
    const present = new Set(listed.flatMap((table) => (table.path ? [table.name, table.path] : [table.name])));
    const missing = required.filter((name) => !present.has(name));
    const lower = new Map([...present].map((name) => [name.toLowerCase(), name]));
    const nearly = missing.flatMap((name) => {
        const near = lower.get(name.toLowerCase());
        return near ? [`${name} (listed as ${near})`] : [];
    });
    return { missing, nearly };
}
/** A problem when the spec lists its auth specs and the name is not one of them. */
function authSpecProblem(authSpecName, available) {
    if (!available || available.length === 0 || available.includes(authSpecName))
        return undefined;
    return `auth-spec-name "${authSpecName}" is not an auth spec of this connection spec; valid names: ${available.map((n) => `"${n}"`).join(', ')}`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/plan/store.ts
/**
 * The plan's own interface: the connection store it works with, the shapes it reads and writes,
 * and the errors it reacts to. The Flow Service client (src/adobe/) implements it; the plan knows
 * nothing of HTTP or of how Adobe spells its answers.
 */

/** The create may or may not have been applied (timeout, reset, 5xx): look before re-sending. */
class CreateOutcomeUnknownError extends errors/* ActionError */.lZ {
    name = 'CreateOutcomeUnknownError';
}
/** `If-Match` named an etag that is no longer current (FLOW 1404-412). */
class StaleEtagError extends errors/* ActionError */.lZ {
    name = 'StaleEtagError';
}
/** A Flow Service or Sandbox API code (`NNNN-SSS`), as opposed to a gateway's `error_code` (api-notes.md §2.9). */
function isFlowServiceCode(code) {
    return code !== undefined && /^\d{4}-\d{3}$/.test(code);
}
/** What the spec check and a refused create say about a source Adobe may have withdrawn (api-notes.md §2.8, §5.7). */
const WITHDRAWN_SOURCE_ADVICE = 'Adobe announced the deprecation of the Zoho CRM source for the end of June 2025, so it may have been withdrawn; ' +
    'if you meant another source, check connection-spec-id.';

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/loopback.ts
var loopback = __webpack_require__(2082);
;// CONCATENATED MODULE: ./src/retry-policy.ts
/**
 * When a request is sent again: one entry per kind of request, read by HttpClient.send. The
 * "Retries." list in docs/how-it-works.md says the same to users, and a contract test holds the
 * two together. Every retry waits as `retryDelayMs` says and counts towards `max-attempts`.
 */
const RETRY_POLICIES = Object.freeze({
    read: Object.freeze({
        statuses: Object.freeze([429, 500, 502, 503, 504]),
        networkFailures: 'any',
        outcomeMayBeUnknown: false
    }),
    // A 429 is refused before anything is done; any 5xx may come after Adobe stored the create.
    create: Object.freeze({
        statuses: Object.freeze([429]),
        networkFailures: 'never-reached',
        outcomeMayBeUnknown: true
    }),
    // Even a 429 or a 5xx may come after Zoho minted a token (api-notes.md §5.8).
    'token-refresh': Object.freeze({
        statuses: Object.freeze([]),
        networkFailures: 'never-reached',
        outcomeMayBeUnknown: true
    })
});
/** The kind of a request that names none. */
const DEFAULT_REQUEST_KIND = 'read';
/** Whether an HTTP answer with this status is sent again. */
function retriesAnswer(policy, status) {
    return policy.statuses.includes(status);
}
/**
 * Whether a failure with no usable answer is sent again. `maybeApplied`: the request may have
 * reached the server; `final`: retrying cannot help.
 */
function retriesFailure(policy, failure) {
    if (failure.final)
        return false;
    return policy.networkFailures === 'any' || !failure.maybeApplied;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/runtime.ts
/**
 * What a run shares with every part that waits, draws random numbers or logs: the HTTP layer and
 * the plan receive the same one, so that tests can run either on a virtual clock, with a fixed
 * random source and a null logger, and a deadline means the same thing everywhere.
 */


const systemClock = {
    now: () => Date.now(),
    // The timer is cleared on abort, so that a cancelled wait does not keep the process alive.
    sleep: (ms, signal) => (0,promises_.setTimeout)(ms, undefined, signal ? { signal } : {})
};
/** A logger that drops every line: for tests that judge outcomes, not log text. */
const nullLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined,
    group: (_title, work) => work()
};
/** The runtime of a run on the runner: the system clock, Math.random, and the given log. */
function systemRuntime(log, deadlineAt, cancellation) {
    return { clock: systemClock, random: Math.random, log, deadlineAt, cancellation };
}
/**
 * A wait that the run's deadline allows, or a DeadlineError instead of sleeping past it. `what`
 * completes "while trying to …", e.g. "find the new connection".
 */
async function sleepWithin(runtime, ms, what) {
    const { clock, deadlineAt } = runtime;
    if (deadlineAt !== undefined && clock.now() + ms > deadlineAt) {
        throw new errors/* DeadlineError */.j3(what, { detail: `a wait of ${formatSeconds(ms)} would have passed it` });
    }
    await sleepUnlessCancelled(runtime, ms, what);
}
/** A wait that ends at once, with a CancelledError naming `what`, when the step is cancelled. */
async function sleepUnlessCancelled(runtime, ms, what) {
    const { clock, cancellation } = runtime;
    if (!cancellation)
        return clock.sleep(ms);
    if (cancellation.signal.aborted)
        throw cancellation.error(what);
    try {
        await clock.sleep(ms, cancellation.signal);
    }
    catch (error) {
        if (cancellation.signal.aborted)
            throw cancellation.error(what);
        throw error;
    }
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/http.ts





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
        super(networkFailureMessage(req, failure, attempts), failure.cause === undefined ? undefined : { cause: failure.cause });
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
        const direct = origin !== undefined && (0,loopback/* isLoopbackHost */.c)(origin.hostname);
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
const NO_ANSWER = { reason: 'no answer', kind: 'other', maybeApplied: true };
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
    /** The run's log, for the clients built on this one: what they learn of an answer's shape. */
    get log() {
        return this.#settings.runtime.log;
    }
    /**
     * Sends a request, retrying transient failures as its kind's entry in RETRY_POLICIES allows.
     * Resolves with the last HTTP answer whatever its status; rejects with NetworkError only when
     * no answer came.
     */
    async send(req) {
        const { maxAttempts, runtime } = this.#settings;
        const { clock, random, log, deadlineAt, cancellation } = runtime;
        const policy = RETRY_POLICIES[req.kind ?? DEFAULT_REQUEST_KIND];
        const label = `${req.method} ${new URL(req.url).pathname} (${req.operation})`;
        for (let attempt = 1;; attempt++) {
            if (cancellation?.signal.aborted)
                throw cancellation.error(req.operation);
            if (deadlineAt !== undefined && clock.now() >= deadlineAt)
                throw new errors/* DeadlineError */.j3(req.operation);
            const outcome = await this.#attempt(req, attempt);
            if (outcome.cancelled && cancellation)
                throw cancellation.error(req.operation, req.method !== 'GET');
            if (outcome.deadline) {
                throw new errors/* DeadlineError */.j3(req.operation, { maybeApplied: outcome.error?.maybeApplied ?? true });
            }
            const failure = outcome.error ?? NO_ANSWER;
            const retryable = outcome.response
                ? retriesAnswer(policy, outcome.response.status)
                : retriesFailure(policy, failure);
            if (!retryable || attempt >= maxAttempts) {
                if (outcome.response)
                    return outcome.response;
                throw new NetworkError(req, failure, attempt);
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
            await sleepUnlessCancelled(runtime, delay, req.operation);
        }
    }
    /** An OAuth token request: credentials go in the form body, never in the URL. */
    postForm(operation, url, fields, target, kind) {
        return this.send({
            operation,
            ...(target ? { target } : {}),
            method: 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
            ...(kind ? { kind } : {})
        });
    }
    async #attempt(req, attempt) {
        const { dispatcher, userAgent, timeoutMs, runtime } = this.#settings;
        const { log, clock, deadlineAt, cancellation } = runtime;
        const remaining = deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - clock.now());
        const cutByDeadline = remaining < timeoutMs;
        const timeout = AbortSignal.timeout(Math.min(timeoutMs, remaining));
        // A read is dropped at the cancellation; a write may still answer for a short grace.
        const cancelled = req.method === 'GET' ? cancellation?.signal : cancellation?.writeSignal;
        const signal = cancelled ? AbortSignal.any([timeout, cancelled]) : timeout;
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
            if (cancelled?.aborted) {
                return { error: { reason: 'the step was cancelled', kind: 'other', maybeApplied: true }, cancelled: true };
            }
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
            return { error: { ...classifyNetworkError(error, req.url), cause: error } };
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

// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(7819);
;// CONCATENATED MODULE: ./src/adobe/answer-shape.ts
/**
 * The shape of an answer, never a value (api-notes.md §5.9): with debug logging on, a user's log shows
 * how their Adobe answers the shapes its documentation leaves open, so that the next fix is not a
 * guess. Keys and their types; for `auth.params`, which keys are shown in clear, hidden, empty or
 * absent.
 */


/** The params of a Zoho CRM base connection (api-notes.md §2.2): listed even when Adobe leaves them out. */
const ZOHO_AUTH_PARAMS = ['endpoint', 'accountsUrl', 'clientId', 'clientSecret', 'accessToken', 'refreshToken'];
const MAX_DEPTH = 5;
const MAX_KEYS = 40;
/** How a param is shown: `clear`, `hidden` (a mask, placeholder or encrypted form), `empty`, or its type. */
function paramVisibility(value) {
    if (value === undefined)
        return 'absent';
    if (typeof value !== 'string')
        return `hidden (${typeOf(value)})`;
    if (value.trim() === '')
        return 'empty';
    return isHiddenForm(value) ? 'hidden' : 'clear';
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/** `{key: type, …}`, arrays as `array(n) of <shape of the first item>`; `auth.params` by visibility. */
function describeShape(value, depth = 0, parentKey = '') {
    if (Array.isArray(value)) {
        return value.length === 0
            ? 'array(0)'
            : `array(${value.length}) of ${describeShape(value[0], depth + 1, parentKey)}`;
    }
    if (value === null || typeof value !== 'object')
        return typeOf(value);
    if (depth >= MAX_DEPTH)
        return 'object';
    const record = value;
    if (parentKey === 'auth' && 'params' in record) {
        const { params, ...rest } = record;
        const others = Object.keys(rest).map((key) => `${key}: ${describeShape(rest[key], depth + 1, key)}`);
        return `{${[...others, `params: ${describeParams(params)}`].join(', ')}}`;
    }
    const keys = Object.keys(record);
    const names = keys.filter(isFieldName);
    const shown = names.slice(0, MAX_KEYS).map((key) => `${key}: ${describeShape(record[key], depth + 1, key)}`);
    if (names.length > MAX_KEYS)
        shown.push(`… ${names.length - MAX_KEYS} more keys`);
    if (names.length < keys.length)
        shown.push(`${keys.length - names.length} keys that look like data, not shown`);
    return `{${shown.join(', ')}}`;
}
/**
 * A key that reads as a field's name. Anything else (an id, an email, a token, a URL used as a
 * key) may be data, and a shape never shows a value.
 */
function isFieldName(key) {
    return /^[A-Za-z_$][A-Za-z0-9_$-]{0,39}$/.test(key) && (key.match(/\d/g)?.length ?? 0) < 4;
}
function describeParams(params) {
    if (params === null || typeof params !== 'object' || Array.isArray(params))
        return typeOf(params);
    const record = params;
    const others = Object.keys(record).filter((key) => !ZOHO_AUTH_PARAMS.includes(key));
    const named = others.filter(isFieldName).slice(0, MAX_KEYS);
    const shown = [...ZOHO_AUTH_PARAMS, ...named].map((key) => `${key}: ${paramVisibility(record[key])}`);
    const unnamed = others.filter((key) => !isFieldName(key)).length;
    if (unnamed > 0)
        shown.push(`${unnamed} keys that look like data, not shown`);
    return `{${shown.join(', ')}}`;
}
/** Logs the shape of the first answer of each endpoint and status in a run, once. */
class AnswerShapes {
    #debug;
    #seen = new Set();
    constructor(debug) {
        this.#debug = debug;
    }
    record(endpoint, status, text) {
        const key = `${endpoint} HTTP ${status}`;
        if (this.#seen.has(key))
            return;
        this.#seen.add(key);
        const parsed = text.trim() === '' ? undefined : parseJsonLeniently(text);
        const shape = text.trim() === '' ? 'an empty body' : parsed === undefined ? 'a body that is not JSON' : describeShape(parsed);
        this.#debug(`Shape of Adobe's answer to ${key}: ${shape}`);
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
/** The likely cause and the fix, for the errors users actually meet (api-notes.md §2.9). */
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
/**
 * The one renewal of a session's token, shared by the calls that met the 401 together (the
 * preflight reads run at once): a run mints at most one new token.
 */
const renewals = new WeakMap();
async function callPlatform(session, call) {
    const renewed = renewals.get(session);
    const response = await send(session, call, renewed ? await renewed : session.accessToken);
    if (response.status !== 401 || renewed || !session.renewAccessToken || !refusedByGateway(response))
        return response;
    let renewal = renewals.get(session);
    if (!renewal) {
        session.http.log.info(`Adobe's gateway refused the access token (HTTP 401) while trying to ${call.operation}; minting one new token at Adobe IMS and trying once more`);
        renewal = session.renewAccessToken();
        renewals.set(session, renewal);
    }
    return send(session, call, await renewal);
}
/** A 401 from the gateway (`error_code`, api-notes.md §2.9), not a Flow Service answer. */
function refusedByGateway(response) {
    return !isFlowServiceCode(readAdobeErrorBody(response).code);
}
function send(session, call, accessToken) {
    const headers = {
        authorization: `Bearer ${accessToken}`,
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
        ...(call.kind ? { kind: call.kind } : {})
    });
}
function platformError(session, operation, response, api = "Adobe's Flow Service API") {
    return adobeError(response, { api, operation, sandbox: session.sandbox, orgId: session.orgId });
}

;// CONCATENATED MODULE: ./src/adobe/flow-service.ts









const BASE = '/data/foundation/flowservice';
const resourceId = schemas/* string */.YjP().check(api/* _regex */.Fk(vocabulary/* RESOURCE_ID */.f2));
const connectionItemSchema = schemas/* object */.Ikc({
    id: resourceId,
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
/**
 * Of `auth` only the params Adobe shows in clear are kept (its "partial view of the credentials",
 * in the Flow Service API reference), for repair to compare; the credentials are dropped here.
 */
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
const writeSchema = schemas/* object */.Ikc({ id: resourceId, etag: schemas/* optional */.lqM(schemas/* string */.YjP()) });
const testSchema = schemas/* object */.Ikc({ result: schemas/* boolean */.zMY() });
/** A create refused because the source or its spec is unknown, disabled, deprecated or not provisioned (§5.7). */
function refusedForTheSource(response) {
    const status = response.status;
    if (status < 400 || status >= 500 || [401, 408, 429].includes(status))
        return false;
    const { code, message = '' } = readAdobeErrorBody(response);
    if (code === '1413-400')
        return true;
    if (code === '1415-400' || code === '1304-400')
        return false;
    // The gateway's 403 and Flow Service's request-level codes (2xxx) are about the run's credential.
    if (isFlowServiceCode(code) ? code?.startsWith('2') : status === 403)
        return false;
    return (/connection ?spec|\bsource\b|connector|provider/i.test(message) &&
        /unknown|invalid|disabled|deprecated|withdrawn|retired|discontinued|no longer|not (?:provisioned|enabled|available|supported|found|allowed)/i.test(message));
}
/** A PATCH refused because the connector does not allow it (api-notes.md §5.3). */
function patchNotAllowed(response) {
    if (response.status < 400 || response.status >= 500)
        return false;
    const { code, message = '' } = readAdobeErrorBody(response);
    if (code === '1300-400' || code === '1445-400')
        return true;
    return /patch/i.test(message) && /not supported|unsupported|not enabled|not allowed/i.test(message);
}
/** The endpoint an answer came from, ids left out: the key of the shapes logged once each. */
function endpointOf(method, path) {
    const bare = path.split('?')[0] ?? path;
    return `${method} ${bare.replace(BASE, '').replace(/\/(connections|connectionSpecs)\/[^/]+/, '/$1/{id}')}`;
}
/** Pages of one listing this action follows at most; fresh next links cannot keep it busy. */
const MAX_PAGES = 100;
/** True when a parse failed on an `id` field (the id itself is never repeated: it is untrusted). */
function badIdIn(error) {
    return error.issues.some((issue) => issue.path[issue.path.length - 1] === 'id');
}
/** Flow Service base connections (api-notes.md §2): the plan's connection store. */
class FlowServiceClient {
    #session;
    #shapes;
    constructor(session) {
        this.#session = session;
        this.#shapes = new AnswerShapes((line) => session.http.log.debug(line));
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
        // Only a name of plain ASCII is filtered by the server: its NFC and NFD forms are the same
        // (api-notes.md §5.4); any other is matched here, after normalisation.
        if (/^[A-Za-z0-9 _.()-]+$/.test(name))
            filters.unshift(`name==${encodeURIComponent(name)}`);
        const query = filters.map((filter) => `property=${filter}`).join('&');
        let path = `${BASE}/connections?${query}`;
        const found = [];
        const seen = new Set();
        for (let page = 0; path !== undefined; page++) {
            if (page >= MAX_PAGES || seen.has(path))
                throw new errors/* ActionError */.lZ(`Adobe's Flow Service API kept answering with a next page while trying to ${operation}; stopped after ${page} pages (the most this action follows is ${MAX_PAGES})`);
            seen.add(path);
            const body = this.#parse(await this.#call({ operation, method: 'GET', path }), operation, 200, listSchema);
            found.push(...body.items
                .filter((item) => sameName(item.name, name) && (item.connectionSpec?.id ?? specId) === specId)
                .map(toConnection));
            path = this.#nextPage(body._links?.next?.href, query);
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
        // A single GET answers with a list wrapper (api-notes.md §2.3).
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
                kind: 'create'
            });
        }
        catch (error) {
            if (error instanceof NetworkError && error.maybeApplied)
                throw new CreateOutcomeUnknownError(error.message, { cause: error });
            throw error;
        }
        if (response.status >= 500) {
            const failed = platformError(this.#session, operation, response);
            throw new CreateOutcomeUnknownError(failed.message, { cause: failed });
        }
        if (response.status === 200 || response.status === 201) {
            // Accepted, but an unreadable answer hides the id: as unknown as a timeout.
            const created = writeSchema.safeParse(parseJsonLeniently(response.body));
            if (!created.success) {
                throw new CreateOutcomeUnknownError(`Adobe's Flow Service API accepted the request to ${operation} (HTTP ${response.status}) but answered ${badIdIn(created.error) ? 'with an id that is not a valid resource id' : 'with an unreadable body'}`);
            }
            return { id: created.data.id, etag: created.data.etag };
        }
        const refused = platformError(this.#session, operation, response);
        if (refusedForTheSource(response)) {
            throw refused.retold(`${refused.summary}. The Zoho CRM source (connection spec ${body.connectionSpec.id}) may be gone: ${WITHDRAWN_SOURCE_ADVICE}`);
        }
        throw refused;
    }
    async updateConnection(id, etag, patch) {
        const operation = 'update the connection';
        const response = await this.#call({
            operation,
            method: 'PATCH',
            path: `${BASE}/connections/${encodeURIComponent(id)}`,
            json: patch,
            // Sent as returned by Flow Service, quotes included (api-notes.md §2.5).
            headers: { 'if-match': etag }
        });
        if (response.status === 412) {
            const refused = platformError(this.#session, operation, response);
            throw new StaleEtagError(refused.message, { cause: refused });
        }
        if (patchNotAllowed(response)) {
            const refused = platformError(this.#session, operation, response);
            throw refused.retold(`${refused.summary}. Adobe does not allow updating this connection's credentials through the API: to replace ` +
                'them, delete the connection (mode: delete) and run ensure again to create it anew, once no dataflow uses it ' +
                '(Adobe refuses to delete a connection that dataflows use)');
        }
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
    /** The root objects (tables) the source lists: a display `name`, and the `path` that identifies it (§5.5). */
    async exploreRoot(id) {
        const operation = 'explore the connection';
        const response = await this.#call({
            operation,
            method: 'GET',
            path: `${BASE}/connections/${encodeURIComponent(id)}/explore?objectType=root`
        });
        const items = this.#parse(response, operation, 200, schemas/* array */.YOg(schemas/* unknown */.L5J()));
        return items.flatMap((item) => {
            const { name, path } = item && typeof item === 'object' ? item : {};
            const shownPath = typeof path === 'string' && path !== '' ? path : undefined;
            const shownName = typeof name === 'string' && name !== '' ? name : shownPath;
            return shownName === undefined ? [] : [{ name: shownName, path: shownPath }];
        });
    }
    /** A 404 about the resource itself; "Sandbox not found" (FLOW 2100/2101-404) is an error instead. */
    #resourceNotFound(response) {
        if (response.status !== 404)
            return false;
        const { code } = readAdobeErrorBody(response);
        return code !== '2100-404' && code !== '2101-404';
    }
    async #call(call) {
        const response = await callPlatform(this.#session, call);
        this.#shapes.record(endpointOf(call.method, call.path), response.status, response.body);
        return response;
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
    /**
     * Next-page links are relative to the service (api-notes.md §2.4); absolute ones must stay on
     * Platform. A link without the query's `property` filters gets them again beside its
     * continuation token (§5.6).
     */
    #nextPage(href, filters) {
        const path = this.#nextPath(href);
        if (path === undefined || new URL(path, 'http://next.invalid').searchParams.has('property'))
            return path;
        return `${path}${path.includes('?') ? '&' : '?'}${filters}`;
    }
    #nextPath(href) {
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

;// CONCATENATED MODULE: ./src/adobe/sandboxes.ts





const sandboxSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), state: schemas/* optional */.lqM(schemas/* string */.YjP()), type: schemas/* optional */.lqM(schemas/* string */.YjP()) });
const sandboxes_listSchema = schemas/* object */.Ikc({
    sandboxes: schemas/* array */.YOg(sandboxSchema),
    // Read leniently: a paging field of another type must not hide the sandboxes themselves.
    _page: schemas/* optional */.lqM(schemas/* unknown */.L5J()),
    _links: schemas/* optional */.lqM(schemas/* unknown */.L5J())
});
const API = "Adobe's Sandbox API";
const PAGE_SIZE = 100;
const sandboxes_MAX_PAGES = 20;
/** What an answer says of its paging: its page size, the total, and whether a next page exists. */
function pagingOf(body) {
    const page = body._page && typeof body._page === 'object' ? body._page : {};
    const links = body._links && typeof body._links === 'object' ? body._links : {};
    const count = (key) => {
        const value = page[key];
        return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
    };
    const next = links['next'] && typeof links['next'] === 'object' ? links['next'].href : undefined;
    const total = count('totalCount') ?? count('total');
    const limit = count('limit');
    return {
        ...(limit !== undefined ? { limit } : {}),
        ...(total !== undefined ? { total } : {}),
        next: typeof next === 'string' && next !== ''
    };
}
/**
 * The sandboxes this credential can see, from the endpoint open to non-admins (api-notes.md §3.1).
 * Paged by what the server returns, never by the page size asked for (§5.6): the next offset is
 * the rows received so far, and the list ends at the total, at a page shorter than the server's
 * own page size when it names one and gives no next link, or at an empty page. Undefined when
 * the credential may not list them: Flow Service's own "Sandbox not found" then has to speak.
 */
async function listAvailableSandboxes(session) {
    const operation = 'list sandboxes';
    const shapes = new AnswerShapes((line) => session.http.log.debug(line));
    const sandboxes = [];
    for (let page = 0; page < sandboxes_MAX_PAGES; page++) {
        const response = await callPlatform(session, {
            operation,
            method: 'GET',
            path: `/data/foundation/sandbox-management/?limit=${PAGE_SIZE}&offset=${sandboxes.length}`,
            withSandbox: false
        });
        shapes.record('GET /sandbox-management/', response.status, response.body);
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
        const rows = parsed.data.sandboxes.length;
        sandboxes.push(...parsed.data.sandboxes);
        const { limit, total, next } = pagingOf(parsed.data);
        if (rows === 0 || (total !== undefined && sandboxes.length >= total))
            break;
        if (total === undefined && !next && limit !== undefined && rows < limit)
            break;
    }
    return sandboxes;
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test; sent in every User-Agent. */
const ACTION_NAME = 'aep-zoho-crm-connection-action';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/adobe/ims.ts



const tokenResponse = schemas/* object */.Ikc({ access_token: schemas/* string */.YjP().check(api/* _minLength */.m9(1)), expires_in: schemas/* optional */.lqM(schemas/* number */.aig()) });
const errorResponse = schemas/* object */.Ikc({ error: schemas/* optional */.lqM(schemas/* string */.YjP()), error_description: schemas/* optional */.lqM(schemas/* string */.YjP()) });
/**
 * OAuth Server-to-Server exchange (api-notes.md §1.1). Credentials travel in the form body, never in
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

;// CONCATENATED MODULE: ./src/adobe/session.ts



/** The run's one HTTP client, with the inputs' timeouts and attempts, and the run's runtime. */
function newHttpClient(inputs, dispatcher, runtime) {
    return new HttpClient({
        dispatcher,
        userAgent: USER_AGENT,
        timeoutMs: inputs.requestTimeoutMs,
        maxAttempts: inputs.maxAttempts,
        runtime
    });
}
/** The given adobe-access-token, or one minted at IMS (masked before it is returned). */
function imsAccessToken(inputs, http, mask) {
    const { adobe } = inputs;
    if ('accessToken' in adobe.auth)
        return Promise.resolve(adobe.auth.accessToken);
    return mintImsToken(http, { imsUrl: adobe.imsUrl, clientId: adobe.clientId, clientSecret: adobe.auth.clientSecret, scopes: adobe.scopes }, mask);
}
function platformSession(inputs, http, accessToken, renewAccessToken) {
    return {
        http,
        platformUrl: inputs.adobe.platformUrl,
        clientId: inputs.adobe.clientId,
        orgId: inputs.adobe.orgId,
        sandbox: inputs.sandbox,
        accessToken,
        renewAccessToken
    };
}

;// CONCATENATED MODULE: ./src/cancellation.ts
/**
 * The runner cancels a step (`cancel-in-progress`, the Cancel button, `timeout-minutes`) with
 * SIGINT, then SIGTERM about 7.5 s later, then a kill. From the first signal on, nothing new is
 * sent and every wait ends; a read in flight is dropped at once, while a write in flight (a create
 * above all) gets WRITE_GRACE_MS to answer, so that its id can still be saved and reported.
 */

/** How long a write in flight may still answer after the signal: well inside the 5 s to exit. */
const WRITE_GRACE_MS = 3_000;
/**
 * The runner's SIGTERM comes about 7.5 s after SIGINT; a step still alive this long after the
 * signal (a handle that keeps Node's event loop busy) exits anyway, its files already written.
 */
const EXIT_WITHIN_MS = 4_500;
/** The step was cancelled; `maybeApplied` when the request cut short may still have been acted on. */
class CancelledError extends errors/* ActionError */.lZ {
    name = 'CancelledError';
    maybeApplied;
    constructor(signal, operation, maybeApplied = false) {
        super(`The step was cancelled (${signal})${operation ? ` while trying to ${operation}` : ''}; nothing more was sent` +
            (maybeApplied ? ', and the request cut short may still have been applied' : ''));
        this.maybeApplied = maybeApplied;
    }
}
class Cancellation {
    #now = new AbortController();
    #afterGrace = new AbortController();
    #signalName;
    /** Aborted at the signal: nothing new starts, waits and reads in flight end. */
    get signal() {
        return this.#now.signal;
    }
    /** Aborted WRITE_GRACE_MS after the signal: writes in flight end too. */
    get writeSignal() {
        return this.#afterGrace.signal;
    }
    /** The signal that cancelled the step ("SIGINT"), or undefined. */
    get by() {
        return this.#signalName;
    }
    /**
     * Resolves a little after the grace, once every request has ended and the plan has had its
     * turn to say where it stopped: whatever still runs then is not waited for.
     */
    overdue = new Promise((resolve) => this.#afterGrace.signal.addEventListener('abort', () => setTimeout(resolve, 500).unref(), { once: true }));
    cancel(signalName) {
        if (this.#signalName)
            return;
        this.#signalName = signalName;
        this.#now.abort(new CancelledError(signalName, undefined));
        setTimeout(() => this.#afterGrace.abort(new CancelledError(signalName, undefined, true)), WRITE_GRACE_MS).unref();
    }
    /** The error a request or wait cut short by the cancellation reports. */
    error(operation, maybeApplied = false) {
        return new CancelledError(this.#signalName ?? 'SIGINT', operation, maybeApplied);
    }
}
/**
 * Turns SIGINT and SIGTERM into `cancellation.cancel`, for as long as `work` runs. Windows sends
 * no SIGTERM; listening for it there is harmless.
 */
async function whileListeningForCancel(cancellation, work) {
    const onSignal = (signal) => {
        cancellation.cancel(signal);
        setTimeout(() => process.exit(1), EXIT_WITHIN_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        return await work();
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}

// EXTERNAL MODULE: ./src/inputs/parse.ts + 1 modules
var parse = __webpack_require__(2804);
;// CONCATENATED MODULE: ./src/plan/create-record.ts
/**
 * What the main step saves to `GITHUB_STATE` about its create, and the post step reads back: the
 * run marker written into every connection this run creates, the name and sandbox they are known
 * by, the ids known so far, and whether the create was settled (the run knows every connection it
 * made, and removed those it does not keep). Saved whole at each change; the runner keeps the
 * last value saved under a name. Light: the post step reads it before it loads anything else.
 */

/** The `GITHUB_STATE` entry, read back in the post step as `STATE_connection-create`. */
const CREATE_STATE = 'connection-create';
const MARKER = /^aep-zoho-run:[A-Za-z0-9.-]{1,120}$/;
/** What every run marker of this workflow run's attempt starts with; a random part follows. */
function runMarkerPrefix(env = process.env) {
    const run = env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}.${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : 'local';
    return `aep-zoho-run:${run}.`;
}
/**
 * Why the record is not this run's, or undefined when it is: the marker of this run's attempt,
 * and the sandbox, name and spec the post step's own inputs give. A record that names anything
 * else (a value set for the post step from outside, such as a `STATE_` variable written to
 * `GITHUB_ENV` by an earlier step) is acted on in no way.
 */
function notThisRuns(record, expected, env = process.env) {
    const prefix = runMarkerPrefix(env);
    if (!record.marker.startsWith(prefix) || !/^[0-9a-f]{12}$/.test(record.marker.slice(prefix.length))) {
        return `names the run marker ${record.marker}, which is not this run's (${prefix}…)`;
    }
    if (record.sandbox !== expected.sandbox) {
        return `names sandbox "${record.sandbox}", not the sandbox input "${expected.sandbox}"`;
    }
    if (record.name !== expected.name || record.specId !== expected.specId) {
        return `names the connection "${record.name}" (spec ${record.specId}), not the one the inputs name`;
    }
    return undefined;
}
/**
 * The record in a state value, or `invalid` when the value is not one this action wrote (the
 * state file is the runner's, but a step before could have written to it): nothing is then acted
 * on. Undefined when nothing was saved.
 */
function readCreateRecord(value) {
    if (value === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return 'invalid';
    }
    if (typeof parsed !== 'object' || parsed === null)
        return 'invalid';
    const { marker, name, sandbox, specId, ids, settled } = parsed;
    const valid = typeof marker === 'string' &&
        MARKER.test(marker) &&
        typeof name === 'string' &&
        name !== '' &&
        typeof sandbox === 'string' &&
        /^[a-z0-9-]+$/.test(sandbox) &&
        typeof specId === 'string' &&
        RESOURCE_ID.test(specId) &&
        Array.isArray(ids) &&
        ids.every((id) => typeof id === 'string' && RESOURCE_ID.test(id)) &&
        typeof settled === 'boolean';
    return valid ? { marker, name, sandbox, specId, ids: ids, settled } : 'invalid';
}
function writeCreateRecord(record) {
    return JSON.stringify(record);
}

;// CONCATENATED MODULE: ./src/plan/connection-request.ts
/**
 * What this action writes into a connection, from the inputs: the create body (also what an
 * update replaces), the description with its run marker, and the params repair compares.
 */




/**
 * The body of api-notes.md §2.2: name, description, the six auth params, the spec. The
 * description ends with the tag of the params written, for repair to compare with (§5.1).
 */
function connectionBody(inputs, description, zohoAccessToken) {
    const { zoho, connection } = inputs;
    return {
        name: connection.name,
        description: `${description} ${writtenParamsTag(expectedParams(inputs))}`,
        auth: {
            specName: connection.authSpecName,
            params: {
                endpoint: zoho.target.apiDomain,
                accountsUrl: zoho.target.accountsUrl,
                clientId: zoho.clientId,
                clientSecret: zoho.clientSecret,
                accessToken: zohoAccessToken,
                refreshToken: zoho.refreshToken
            }
        },
        connectionSpec: { id: connection.specId, version: connection.specVersion }
    };
}
/** What repair compares: the params Adobe may show in clear, as the inputs resolve them. */
function expectedParams(inputs) {
    const { target } = inputs.zoho;
    if (!target)
        return [];
    return [
        { name: 'endpoint', wanted: target.apiDomain, kind: 'api-url', secret: false },
        { name: 'accountsUrl', wanted: target.accountsUrl, kind: 'accounts-url', secret: false },
        ...((0,parse/* writesZohoCredentials */.J)(inputs)
            ? [{ name: 'clientId', wanted: inputs.zoho.clientId, kind: 'client-id', secret: true }]
            : [])
    ];
}
/**
 * Marks the connections this run creates (in their description), so that the run can tell its
 * own copies, also one made by an attempt whose answer was lost, from another run's. Unique per
 * run: the jobs of a matrix share the GitHub run id, so a random part is added.
 */
function newRunMarker(env = process.env) {
    return `${runMarkerPrefix(env)}${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
}
/** The description written: the input's, or one naming the repository and workflow; then the marker. */
async function descriptionWithMarker(connection, runMarker) {
    return `${connection.description ?? (await defaultDescription())} [${runMarker}]`;
}
// Only a run that writes needs it, and only then is @actions/github loaded.
async function defaultDescription() {
    const repository = process.env['GITHUB_REPOSITORY'];
    const workflow = process.env['GITHUB_WORKFLOW'];
    if (!repository)
        return 'Managed by the AEP Zoho CRM connection GitHub Action';
    const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return `Managed by GitHub Actions: ${context.repo.owner}/${context.repo.repo}${workflow ? `, workflow "${context.workflow}"` : ''}`;
}

// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(8850);
;// CONCATENATED MODULE: ./src/plan/run-context.ts


/** A line for the log and the summary. */
function note(ctx, message) {
    ctx.services.runtime.log.info(message);
    (0,report_report/* addNote */.gp)(ctx.report, message);
}
/** A warning for the log and the summary. */
function warn(ctx, message) {
    ctx.services.runtime.log.warning(message);
    (0,report_report/* addWarning */.Af)(ctx.report, message);
}
function describeConnection(settings, id) {
    return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`;
}
/** Prefixes a failure with what exists, keeping Adobe's request id and the failure as `cause`. */
function prefixFailure(error, prefix) {
    if (error instanceof errors/* ServiceError */._7) {
        return error.retold(`${prefix}: ${error.summary}`);
    }
    if (error instanceof Error)
        return new errors/* ActionError */.lZ(`${prefix}: ${error.message}`, { cause: error });
    return new errors/* ActionError */.lZ(prefix);
}

;// CONCATENATED MODULE: ./src/plan/verification.ts





/** Runs the verification `verify` names; the result is judged by `finishVerification`. */
async function runVerification(ctx, id) {
    const outcome = await verificationOutcome(ctx, id);
    if (outcome.verified !== 'skipped') {
        ctx.services.runtime.log.info(`Verification (${ctx.settings.verify}) of ${id}: ${outcome.verified === 'true' ? 'passed' : 'failed'}`);
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
        const listed = await services.store.exploreRoot(id);
        // The output lists names as Adobe shows them; verify-tables may name a table by its path too.
        const tables = listed.map((table) => table.name);
        if (tables.length === 0) {
            return { verified: 'false', tables, problem: 'exploring it (objectType=root) listed no tables' };
        }
        const { missing, nearly } = missingTables(settings.verifyTables, listed);
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
            by: `explore (${tables.length} table${tables.length === 1 ? '' : 's'} listed${required})`
        };
    }
    catch (error) {
        if (error instanceof errors/* ServiceError */._7 && error.status === 404)
            return { verified: 'false', gone: true };
        if (error instanceof errors/* ServiceError */._7 && isVerdictAboutTheConnection(error)) {
            return { verified: 'false', problem: error.message };
        }
        throw error;
    }
}
/**
 * Only Flow Service refusing to reach the source with the connection's credentials is a verdict
 * (api-notes.md §5.2): a 4xx with a Flow Service code. The gateway's 401 and 403 (the run's own
 * IMS token or permissions), Flow Service's request-level codes (2xxx: sandbox, org, permission),
 * a rate limit, an outage, a network failure or the deadline say nothing about the connection,
 * and must never make repair rewrite a healthy one or spend a Zoho token.
 */
function isVerdictAboutTheConnection(error) {
    const { status, code } = error;
    if (status === undefined || status < 400 || status >= 500)
        return false;
    if ([404, 408, 429].includes(status))
        return false;
    // A 401 or 403 is the gateway's (`error_code`, no Flow Service code) unless Flow Service's own
    // code says it refused to reach the source: then it is about the connection like any 4xx.
    return isFlowServiceCode(code) && !code?.startsWith('2');
}
async function verifyOrFail(ctx, id, what, advice) {
    const outcome = await ctx.services.runtime.log.group(`Verify ${id} (${ctx.settings.verify})`, () => runVerification(ctx, id));
    return finishVerification(ctx, id, outcome, what, advice);
}
/** Records the outcome; a failed verification, or a connection gone meanwhile, fails the run. */
function finishVerification(ctx, id, outcome, what, advice) {
    const { settings, report } = ctx;
    (0,report_report/* recordVerified */.y4)(report, outcome);
    if (outcome.by)
        (0,report_report/* recordVerifiedBy */.jP)(report, outcome.by);
    if (outcome.gone) {
        (0,report_report/* forgetConnection */._y)(report);
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.name}" is left; rerun to create it again.`);
    }
    if (outcome.verified === 'false') {
        const missingTable = settings.verifyTables.length > 0 && outcome.problem?.includes('verify-tables');
        const fix = missingTable
            ? 'give the Zoho user whose refresh token the connection holds access to those modules, or correct verify-tables'
            : advice;
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, id)} ${what}, but its verification failed: ${(outcome.problem ?? 'no reason given').replace(/[.\s]+$/, '')}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`);
    }
}

;// CONCATENATED MODULE: ./src/plan/create-protocol.ts
/**
 * Creating without ever leaving a duplicate, against a Flow Service that may answer late (a 504
 * while the create still commits) and list late (a new connection missing from list results for
 * a while; reads by id are taken to be consistent). Every connection this run creates carries its
 * run marker in the description, so the run can tell its own copies from another run's.
 */








const FIRST_POLL_MS = 250;
const POLL_CAP_MS = 5_000;
const ADVICE = 'check the Zoho credentials and data centre, then rerun (on-existing: repair replaces them)';
/** The wait after lookup number `poll` while the listing catches up: 250 ms, doubling to 5 s. */
function settlePollDelayMs(poll) {
    return Math.min(POLL_CAP_MS, FIRST_POLL_MS * 2 ** (poll - 1));
}
async function createAndSettle(ctx) {
    const { settings, services, report } = ctx;
    if (settings.dryRun) {
        (0,report_report/* recordResult */.Pr)(report, 'would-create', `no connection named "${settings.name}" exists`);
        note(ctx, `Dry run: would create "${settings.name}" in sandbox "${settings.sandbox}".`);
        return;
    }
    const sent = await services.runtime.log.group(`Create "${settings.name}"`, async () => {
        const body = await settings.connectionBody(await services.sourceAccessToken());
        const outcome = await sendCreate(ctx, body);
        if (outcome.kind === 'made')
            recordCreated(ctx, outcome, `Created the ${describeConnection(settings, outcome.id)}.`);
        return outcome;
    });
    if (sent.kind === 'other')
        return settleAfterLostCreate(ctx, sent.winner);
    const [verification, twins] = await services.runtime.log.group(`Verify ${sent.id} and look for a concurrent twin`, () => Promise.allSettled([
        runVerification(ctx, sent.id),
        pollListing(watchOf(ctx), (listed) => listed.some((c) => c.id === sent.id), 'check for a concurrent twin')
    ]));
    if (twins.status === 'rejected') {
        throw prefixFailure(twins.reason, `The ${describeConnection(settings, sent.id)} was created, but the check for a concurrent twin failed`);
    }
    const { listed, satisfied } = twins.value;
    const shownName = listed.find((c) => c.id === sent.id)?.name;
    const renamed = shownName === undefined ? undefined : nameShownDifferently(settings.name, shownName);
    if (renamed)
        warn(ctx, renamed);
    if (!satisfied) {
        warn(ctx, `Adobe's listing did not show the new connection ${sent.id} within settle-timeout (${seconds(settings.settleTimeoutMs)} s), so a twin created just before it by a concurrent run may not be visible: raise settle-timeout if runs race on this name.`);
    }
    // Not listed yet, ours counts as the newest: any connection the listing shows is older.
    const ours = { id: sent.id, name: settings.name, etag: sent.etag, description: settings.runMarker };
    const view = satisfied ? listed : [...listed, ours];
    const { winner = ours, ownCopiesToDelete } = settleTwins(sent.id, settings.runMarker, view);
    await deleteOwnCopies(ctx, winner, ownCopiesToDelete);
    if (winner.id === sent.id && !satisfied)
        await confirmStillThere(ctx, sent.id);
    const gone = verification.status === 'fulfilled' && verification.value.gone === true;
    services.journal.settled(madeBy(settings.runMarker, winner) && !gone ? winner.id : undefined);
    if (winner.id === sent.id) {
        (0,report_report/* recordConnection */.qE)(report, { ...winner, etag: winner.etag ?? sent.etag });
        if (verification.status === 'rejected')
            throw verification.reason;
        return finishVerification(ctx, sent.id, verification.value, 'was created', ADVICE);
    }
    if (madeBy(settings.runMarker, winner)) {
        // An attempt whose answer was lost did create it: it is this run's, and the oldest.
        return keepOwnCopy(ctx, winner, `Keeping ${winner.id}, which an earlier attempt of this run created (its answer was lost).`);
    }
    return giveWay(ctx, winner);
}
/**
 * This run's create had an unknown outcome, and the settle time showed another connection but
 * none of this run's. A copy of this run may still be committed and listed late (a commit and a
 * lag each within settle-timeout can add up to more), so the listing is watched for one more
 * settle time before giving way; a copy that turns up is this run's to remove, or to keep when
 * it is the oldest.
 */
async function settleAfterLostCreate(ctx, other) {
    const { settings } = ctx;
    const listed = await watchForOwnCopy(ctx, 'look for a late copy of a create whose outcome is unknown', `Creating "${settings.name}" had an unknown outcome, and looking for a late copy failed, so Adobe may or may not have created one in sandbox "${settings.sandbox}" besides ${other.id} (rerun ensure to converge on the oldest)`);
    const { winner = other, ownCopiesToDelete } = settleTwins('', settings.runMarker, listed.length > 0 ? listed : [other]);
    await deleteOwnCopies(ctx, winner, ownCopiesToDelete);
    ctx.services.journal.settled(madeBy(settings.runMarker, winner) ? winner.id : undefined);
    if (madeBy(settings.runMarker, winner)) {
        return keepOwnCopy(ctx, winner, `The create did happen: Adobe's listing shows ${winner.id}, made by this run, as the oldest; keeping it.`);
    }
    return giveWay(ctx, winner, ownCopiesToDelete.length > 0
        ? undefined
        : "this run's create had an unknown outcome, and the listing never showed it");
}
/** The outputs name `made` as the connection this run created. */
function recordCreated(ctx, made, message) {
    ctx.services.journal.made(made.id);
    (0,report_report/* recordConnection */.qE)(ctx.report, made);
    (0,report_report/* recordOwnership */.vn)(ctx.report, true);
    (0,report_report/* recordResult */.Pr)(ctx.report, 'created', `no connection named "${ctx.settings.name}" existed`);
    note(ctx, message);
}
/** A connection this run made is the oldest: the outputs name it as created, once verified. */
function keepOwnCopy(ctx, winner, message) {
    recordCreated(ctx, winner, message);
    return verifyOrFail(ctx, winner.id, 'was created', ADVICE);
}
/**
 * Another run's connection is the oldest: adopt it (ensure), or fail naming it (create).
 * `detail`, when this run's copies were not the reason (they were noted when deleted).
 */
async function giveWay(ctx, winner, detail) {
    const { settings, report } = ctx;
    (0,report_report/* recordOwnership */.vn)(report, false);
    (0,report_report/* recordConnection */.qE)(report, winner);
    const message = `Another run created "${settings.name}" first (id ${winner.id})${detail ? `; ${detail}` : ''}`;
    if (detail)
        note(ctx, message);
    if (settings.mode === 'create') {
        (0,report_report/* recordResult */.Pr)(report, undefined);
        throw new errors/* ActionError */.lZ(`${message}. create mode fails when the name exists: the ${describeConnection(settings, winner.id)} is the one that remains.`);
    }
    (0,report_report/* recordResult */.Pr)(report, 'reused', `another run created "${settings.name}" first`);
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
        // Intent before action: should the run end before it knows the outcome, the post step
        // finds what this create made by the marker saved here.
        services.journal.opened();
        try {
            const made = await services.store.createConnection(body);
            services.journal.made(made.id);
            return { kind: 'made', id: made.id, etag: made.etag };
        }
        catch (error) {
            if ((0,errors/* causeOf */.rl)(error, errors/* DeadlineError */.j3)?.maybeApplied) {
                // No time is left to settle it: say what may exist, and how to converge on it.
                throw prefixFailure(error, `Creating "${settings.name}" got no answer before the run's timeout, so Adobe may or may not have created it in sandbox "${settings.sandbox}" (rerun ensure to adopt it, or delete by name)`);
            }
            if (!(error instanceof CreateOutcomeUnknownError)) {
                // A refusal, or a cancellation before the create left (or while it waited to retry a
                // refusal), proves the first attempt made nothing: the post step has nothing to look for.
                const maybeApplied = error instanceof CancelledError && error.maybeApplied;
                if (attempt === 1 && !maybeApplied)
                    services.journal.settled(undefined);
                throw error;
            }
            warn(ctx, `The create's outcome is unknown (${error.message}); looking "${settings.name}" up for up to ${seconds(settings.settleTimeoutMs)} s (settle-timeout) before anything else.`);
            const listed = await watchForOwnCopy(ctx, 'settle a create whose outcome is unknown', `Creating "${settings.name}" had an unknown outcome, and looking for it failed, so Adobe may or may not have created it in sandbox "${settings.sandbox}" (rerun ensure to adopt it)`);
            const own = oldest(listed.filter((c) => madeBy(settings.runMarker, c)));
            if (own) {
                services.runtime.log.info(`The create did happen: Adobe's listing shows ${own.id}, made by this run; adopting it.`);
                services.journal.made(own.id);
                return { kind: 'made', id: own.id, etag: own.etag };
            }
            const other = oldest(listed);
            if (other)
                return { kind: 'other', winner: other };
            if (attempt >= settings.maxAttempts) {
                throw new errors/* ActionError */.lZ(`Creating "${settings.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); looking it up for ${seconds(settings.settleTimeoutMs)} s after each attempt found no such connection in sandbox "${settings.sandbox}", so nothing was left behind (should Adobe still apply one late, rerun ensure to adopt it).`);
            }
            services.runtime.log.info(`Sending the create again (attempt ${attempt + 1} of ${settings.maxAttempts}): the whole settle time showed nothing named "${settings.name}".`);
        }
    }
}
/**
 * Looks the name up until `done` holds for the listing, with growing waits, for at most
 * `settle-timeout` (and never past the run's deadline). `satisfied` says whether it held.
 */
async function pollListing(watch, done, what) {
    const { store, runtime, name, specId, settleTimeoutMs } = watch;
    // A wait that would end past the run's deadline throws instead (naming `what`).
    const end = runtime.clock.now() + settleTimeoutMs;
    for (let poll = 1;; poll++) {
        const listed = await store.findConnectionsByName(name, specId);
        if (done(listed))
            return { listed, satisfied: true };
        const remaining = end - runtime.clock.now();
        if (remaining <= 0)
            return { listed, satisfied: false };
        await sleepWithin(runtime, Math.min(settlePollDelayMs(poll), remaining), what);
    }
}
function watchOf({ settings, services }) {
    return { ...settings, store: services.store, runtime: services.runtime };
}
/**
 * Looks the name up until the listing shows a connection this run made, for at most
 * `settle-timeout`; a failed lookup is reported as `failure`, with what may exist.
 */
async function watchForOwnCopy(ctx, what, failure) {
    const marker = ctx.settings.runMarker;
    try {
        const { listed } = await pollListing(watchOf(ctx), (connections) => connections.some((c) => madeBy(marker, c)), what);
        return listed;
    }
    catch (error) {
        throw prefixFailure(error, failure);
    }
}
/**
 * The listing never showed this run's new connection, so nothing proved it still exists: a
 * teardown job or a person may have deleted it meanwhile. Reads by id are consistent.
 */
async function confirmStillThere(ctx, id) {
    const { settings, services, report } = ctx;
    if (await services.store.getConnection(id))
        return;
    (0,report_report/* forgetConnection */._y)(report);
    services.journal.settled(undefined);
    throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, id)} was created, but was deleted before this run finished (by a teardown job or a person), so no connection id is reported: rerun to create it again.`);
}
/** Deletes this run's copies other than the winner; failing that, names every id that exists. */
async function deleteOwnCopies(ctx, winner, copies) {
    if (copies.length === 0)
        return;
    const { settings, services } = ctx;
    const ids = copies.map((c) => c.id);
    // Saved first: should a delete fail or the run be cancelled now, the post step finds them.
    for (const id of ids)
        services.journal.made(id);
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
        throw prefixFailure(failure.reason, `${whose} created "${settings.name}" first (id ${winner.id}), and deleting this run's cop${left.length === 1 ? 'y' : 'ies'} ${left.join(', ')} failed, so ${all.length === 2 ? 'both' : 'all'} exist in sandbox "${settings.sandbox}" (${all.join(', ')}): delete ${left.join(', ')} by hand`);
    }
}
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}

;// CONCATENATED MODULE: ./src/plan/plan.ts







async function executePlan(ctx) {
    const { settings, services } = ctx;
    const existing = await services.runtime.log.group(`Look up "${settings.name}" in sandbox "${settings.sandbox}"`, () => preflight(ctx));
    switch (settings.mode) {
        case 'ensure':
            return ensure(ctx, existing);
        case 'create':
            return create(ctx, existing);
        case 'check':
            return check(ctx, existing);
        case 'delete':
            return deleteByName(ctx, existing);
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
        services.runtime.log.info(`Sandbox "${settings.sandbox}" is active`);
    }
    else {
        services.runtime.log.info(`Adobe's Sandbox API answered 403 to the sandbox list (this credential may not list sandboxes), so sandbox ` +
            `"${settings.sandbox}" is not checked against a list; Flow Service answers "Sandbox not found" should it not exist`);
    }
    if (spec.status === 'rejected')
        throw spec.reason;
    if (!spec.value) {
        throw new errors/* ActionError */.lZ(`The Zoho CRM source (connection spec ${settings.specId}) is not available to org ${settings.orgId} in sandbox ` +
            `"${settings.sandbox}". ${WITHDRAWN_SOURCE_ADVICE}`);
    }
    const authSpecs = spec.value.authSpec?.map((auth) => auth.name);
    const problem = authSpecProblem(settings.authSpecName, authSpecs);
    if (problem)
        throw new errors/* ActionError */.lZ(problem);
    services.runtime.log.info(`Connection spec ${settings.specId}${spec.value.name ? ` (${spec.value.name})` : ''} is available` +
        (authSpecs?.length ? `; auth specs: ${authSpecs.join(', ')}` : ''));
    if (existing.status === 'rejected')
        throw existing.reason;
    const what = settings.connectionId ? `with id ${settings.connectionId}` : `named "${settings.name}"`;
    services.runtime.log.info(`Found ${existing.value.length} connection${existing.value.length === 1 ? '' : 's'} ${what}`);
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
async function lookup({ settings, services }) {
    if (!settings.connectionId)
        return services.store.findConnectionsByName(settings.name, settings.specId);
    const connection = await services.store.getConnection(settings.connectionId);
    if (!connection)
        return [];
    const specId = connection.connectionSpec?.id;
    if (specId && specId !== settings.specId) {
        throw new errors/* ActionError */.lZ(`Connection ${connection.id} ("${connection.name}") belongs to connection spec ${specId}, not ${settings.specId}: refusing to act on it. Check connection-id.`);
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
    (0,report_report/* recordConnection */.qE)(report, chosen);
    if (action === 'fail') {
        throw new errors/* ActionError */.lZ(`A ${describeConnection(settings, chosen.id)} already exists and on-existing is fail: use on-existing: repair, reuse or update, or another connection-name.`);
    }
    if (chosen.state && chosen.state !== 'enabled') {
        warn(ctx, `The existing ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    switch (action) {
        case 'reuse':
            (0,report_report/* recordResult */.Pr)(report, 'reused', 'on-existing is reuse and the connection exists');
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
    // This action last wrote these very values: a form that differs is how Adobe shows them (§5.1).
    const writtenAsWanted = chosen.description?.includes(writtenParamsTag(settings.expectedParams)) ?? false;
    let reason = paramDifference(chosen.params, settings.expectedParams, writtenAsWanted);
    if (!reason) {
        const outcome = await services.runtime.log.group(`Verify ${chosen.id} (${settings.verify})`, () => runVerification(ctx, chosen.id));
        if (outcome.verified !== 'false') {
            (0,report_report/* recordResult */.Pr)(report, 'reused', outcome.verified === 'true'
                ? `its params match the inputs and its verification (${settings.verify}) passed`
                : 'its params match the inputs (verify is none)');
            note(ctx, `Reusing the existing ${describeConnection(settings, chosen.id)}: it is healthy.`);
            return finishVerification(ctx, chosen.id, outcome, 'exists', '');
        }
        if (outcome.gone)
            return finishVerification(ctx, chosen.id, outcome, 'exists', '');
        // What the failed verification showed stays in the outputs, dry run or not.
        (0,report_report/* recordVerified */.y4)(ctx.report, outcome);
        reason = `its verification (${settings.verify}) failed: ${outcome.problem ?? 'no reason given'}`;
    }
    return replaceCredentials(ctx, chosen, 'repaired', reason);
}
/** Replaces the credentials and description (`update`, and `repair` of an unhealthy one). */
async function replaceCredentials(ctx, chosen, result, reason) {
    const { settings, services, report } = ctx;
    if (settings.dryRun) {
        (0,report_report/* recordResult */.Pr)(report, result === 'repaired' ? 'would-repair' : 'would-update', reason);
        note(ctx, `Dry run: would replace the credentials and description of ${chosen.id} (If-Match its etag), because ${reason}.`);
        return;
    }
    const title = result === 'repaired' ? `Repair ${chosen.id}` : `Update ${chosen.id}`;
    await services.runtime.log.group(title, async () => {
        await update(ctx, chosen);
        (0,report_report/* recordResult */.Pr)(report, result, reason);
        note(ctx, `Replaced the credentials and description of the ${describeConnection(settings, chosen.id)}, because ${reason}.`);
    });
    const [outcome] = await Promise.all([
        services.runtime.log.group(`Verify ${chosen.id} (${settings.verify})`, () => runVerification(ctx, chosen.id)),
        readBack(ctx, chosen.id)
    ]);
    return finishVerification(ctx, chosen.id, outcome, result === 'repaired' ? 'was repaired' : 'was updated', 'its credentials were just replaced, so check zoho-client-id, zoho-client-secret, zoho-refresh-token and the Zoho data centre');
}
/**
 * Reads a connection back after writing its params, and warns once for each param Adobe shows
 * in a form that still compares as different from what was written (api-notes.md §5.1). Later
 * runs know those values from the description's params tag, and do not write again because of
 * the form. Only a warning when it fails: the write itself is done.
 */
async function readBack(ctx, id) {
    const { settings, services } = ctx;
    let shown;
    try {
        shown = await services.store.getConnection(id);
    }
    catch (error) {
        warn(ctx, `Could not read ${id} back to see how Adobe shows the params just written: ${(0,errors/* describeFailure */.Ic)(error)}`);
        return;
    }
    for (const { expectation, shown: form } of differingParams(shown?.params, settings.expectedParams)) {
        const later = onAnotherDataCentre(form, expectation)
            ? 'that is another Zoho data centre, so later runs will repair it again'
            : 'later runs with the same inputs will not repair it because of this form';
        warn(ctx, expectation.secret
            ? `Adobe shows param ${expectation.name}, just written from a secret input, in a form that still compares as different (values not shown); ${later}.`
            : `Adobe shows param ${expectation.name} as ${form} after this run wrote ${expectation.wanted}, and the two still compare as different; ${later}.`);
    }
}
/** Replaces `/auth/params` and the description with If-Match; a stale etag is re-read once. */
async function update(ctx, connection) {
    const { settings, services, report } = ctx;
    const body = await settings.connectionBody(await services.sourceAccessToken());
    const patch = [
        { op: 'replace', path: '/auth/params', value: body.auth.params },
        { op: 'replace', path: '/description', value: body.description }
    ];
    let etag = connection.etag;
    for (let attempt = 1;; attempt++) {
        if (etag === undefined) {
            const current = await services.store.getConnection(connection.id);
            if (!current) {
                (0,report_report/* forgetConnection */._y)(report);
                throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, connection.id)} disappeared before it could be updated.`);
            }
            etag = current.etag ?? '';
        }
        try {
            const updated = await services.store.updateConnection(connection.id, etag, patch);
            if (updated.etag !== undefined)
                (0,report_report/* recordEtag */.fz)(report, updated.etag);
            return;
        }
        catch (error) {
            if (!(error instanceof StaleEtagError))
                throw error;
            if (attempt >= 2) {
                throw prefixFailure(error, `The ${describeConnection(settings, connection.id)} exists unchanged: someone else changed it twice during this run`);
            }
            services.runtime.log.info(`The etag of ${connection.id} changed meanwhile; reading it again and retrying once.`);
            etag = undefined;
        }
    }
}
async function create(ctx, existing) {
    const chosen = oldest(existing);
    if (chosen) {
        (0,report_report/* recordConnection */.qE)(ctx.report, chosen);
        throw new errors/* ActionError */.lZ(`A ${describeConnection(ctx.settings, chosen.id)} already exists, and create mode never makes a second one: use mode: ensure to reuse it.`);
    }
    return createAndSettle(ctx);
}
async function check(ctx, existing) {
    const { settings, report } = ctx;
    const chosen = chooseExisting(ctx, existing);
    if (!chosen) {
        const what = settings.connectionId ? `connection ${settings.connectionId}` : `connection named "${settings.name}"`;
        throw new errors/* ActionError */.lZ(`No ${what} exists in sandbox "${settings.sandbox}": run this action with mode: ensure first.`);
    }
    (0,report_report/* recordConnection */.qE)(report, chosen);
    (0,report_report/* recordResult */.Pr)(report, 'found', 'the connection exists');
    note(ctx, `Found the ${describeConnection(settings, chosen.id)}, state ${chosen.state ?? 'unknown'}.`);
    if (chosen.state !== undefined && chosen.state !== 'enabled') {
        throw new errors/* ActionError */.lZ(`The ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`);
    }
    return verifyOrFail(ctx, chosen.id, 'exists', 'run this action with mode: ensure (on-existing: repair) to repair it');
}
/** Deletes every connection with the name (or the one id), and lists each id deleted. */
async function deleteByName(ctx, existing) {
    const { settings, services, report } = ctx;
    const chosen = oldest(existing);
    if (!chosen) {
        (0,report_report/* recordResult */.Pr)(report, 'absent', 'no such connection exists');
        note(ctx, `Nothing to delete: no such connection in sandbox "${settings.sandbox}".`);
        return;
    }
    (0,report_report/* recordConnection */.qE)(report, { id: chosen.id });
    const ids = [chosen, ...existing.filter((c) => c !== chosen)].map((c) => c.id);
    if (settings.dryRun) {
        (0,report_report/* recordResult */.Pr)(report, 'would-delete', ids.length === 1
            ? `a connection named "${settings.name}" exists`
            : `${ids.length} connections named "${settings.name}" exist`);
        for (const id of ids)
            note(ctx, `Dry run: would delete ${id}.`);
        return;
    }
    const outcomes = await services.runtime.log.group(`Delete ${ids.join(', ')}`, () => Promise.allSettled(ids.map((id) => services.store.deleteConnection(id))));
    const failed = outcomes.flatMap((outcome, i) => outcome.status === 'rejected' ? [{ id: ids[i], reason: outcome.reason }] : []);
    ids.forEach((id, i) => {
        const outcome = outcomes[i];
        if (outcome?.status !== 'fulfilled' || outcome.value !== 'deleted')
            return;
        (0,report_report/* recordDeleted */.Hp)(report, id);
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
        throw prefixFailure(first?.reason, `Could not delete connection ${first?.id} in sandbox "${settings.sandbox}"${others}`);
    }
    const deleted = report.deletedIds.length;
    // Gone before this run could delete it: no id is handed on.
    if (deleted === 0)
        (0,report_report/* forgetConnection */._y)(report);
    (0,report_report/* recordResult */.Pr)(report, deleted > 0 ? 'deleted' : 'absent', deleted > 0
        ? `deleted ${deleted} connection${deleted === 1 ? '' : 's'} named "${settings.name}"`
        : 'it was already gone');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
/**
 * Every output, in action.yml's order (`action-yml-matches-the-code.test.ts` holds them to it):
 * `stepOutputs` must give each one a value, or it does not compile.
 */
const STEP_OUTPUTS = [
    'connection-id',
    'etag',
    'state',
    'result',
    'created',
    'verified',
    'tables',
    'deleted-ids',
    'reason',
    'sandbox',
    'zoho-api-domain',
    'zoho-accounts-url'
];
/** Outputs are JSON for later steps: the table list is bounded by count, never cut mid-JSON. */
const MAX_TABLES_IN_OUTPUT = 500;
/** The step's outputs, from what the run knows; set even when it failed half-way. */
function stepOutputs(inputs, report, failure) {
    return {
        'connection-id': report.connectionId ?? '',
        etag: report.etag ?? '',
        state: report.state ?? '',
        result: report.result ?? '',
        created: String(report.created),
        verified: report.verified,
        tables: inputs.verify === 'explore' && report.tables ? JSON.stringify(report.tables.slice(0, MAX_TABLES_IN_OUTPUT)) : '',
        'deleted-ids': report.deletedIds.join(','),
        reason: failure ?? report.reason ?? '',
        sandbox: inputs.sandbox,
        'zoho-api-domain': inputs.zoho.target?.apiDomain ?? '',
        'zoho-accounts-url': inputs.zoho.target?.accountsUrl ?? ''
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/runner/workflow-commands.ts + 1 modules
var workflow_commands = __webpack_require__(2145);
;// CONCATENATED MODULE: ./src/runner/output.ts
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
    /** A group's title waits for the group's first line: a phase that failed at once shows no empty group. */
    #pendingGroup;
    #groupOpen = false;
    constructor(secrets) {
        this.#secrets = secrets;
    }
    /** The text as it may be shown: for messages built here and printed elsewhere (the summary). */
    line(text, max) {
        return (0,workflow_commands/* runnerLine */.XJ)(text, (part) => this.#secrets.redact(part), max);
    }
    info(message) {
        this.#openGroup();
        core/* info */.pq(this.line(message));
    }
    // A debug line opens no group: the runner hides it unless debug logging is on, so a group holding
    // only debug lines would show as empty.
    debug(message) {
        core/* debug */.Yz(this.line(message));
    }
    warning(message) {
        this.#openGroup();
        core/* warning */.$e(this.line(message));
    }
    notice(message) {
        this.#openGroup();
        core/* notice */.lm(this.line(message));
    }
    async group(title, work) {
        const outer = { pending: this.#pendingGroup, open: this.#groupOpen };
        this.#pendingGroup = this.line(title);
        this.#groupOpen = false;
        try {
            return await work();
        }
        finally {
            if (this.#groupOpen)
                core/* endGroup */.N4();
            this.#pendingGroup = outer.pending;
            this.#groupOpen = outer.open;
        }
    }
    #openGroup() {
        if (this.#pendingGroup === undefined)
            return;
        core/* startGroup */.Oh(this.#pendingGroup);
        this.#pendingGroup = undefined;
        this.#groupOpen = true;
    }
    /**
     * For the post step: `GITHUB_STATE`, read back there as `STATE_<name>`. Written as given, not
     * made a line: it is data the post step parses, never shown, so redacting a fragment that
     * happens to match a secret (an id beside a token, both UUIDs) or folding the spaces of a name
     * would make the post step look for the wrong thing or nothing. Callers save only what they
     * built from checked values.
     */
    saveState(name, value) {
        core/* saveState */.LZ(name, value);
    }
    /** Never masked (the runner would drop it); redacted only should a secret have crept in. */
    setOutput(name, value) {
        core/* setOutput */.uH(name, this.line(value, MAX_OUTPUT_LENGTH));
    }
}

;// CONCATENATED MODULE: ./src/plan/state-journal.ts



/**
 * The create's trace in `GITHUB_STATE`, saved at once on every change (`core.saveState` appends
 * to the file as it is called), so that it is there whenever the run ends, cancelled or not.
 */
class StateJournal {
    #record;
    #opened = false;
    #failure;
    #save;
    constructor(subject, save) {
        this.#record = { ...subject, ids: [], settled: false };
        this.#save = save;
    }
    opened() {
        if (this.#opened)
            return;
        this.#write();
        const failure = this.#failure;
        if (failure) {
            // Reported here, with what it means, rather than again at the end.
            this.#failure = undefined;
            throw new errors/* ActionError */.lZ(`This run ${failure}, where it saves what finds a create should the step be cancelled, so it did not send the create of "${this.#record.name}": nothing was created in sandbox "${this.#record.sandbox}". Check the runner's disk.`);
        }
        this.#opened = true;
    }
    made(id) {
        if (this.#record.ids.includes(id))
            return;
        this.#opened = true;
        this.#record = { ...this.#record, ids: [...this.#record.ids, id] };
        this.#write();
    }
    settled(kept) {
        this.#record = { ...this.#record, ids: kept ? [kept] : [], settled: true };
        this.#write();
    }
    /** Connections this run created that exist, as far as it knows. */
    get ids() {
        return this.#record.ids;
    }
    /** A create was sent and not settled: it may have made a connection that no id names yet. */
    get open() {
        return this.#opened && !this.#record.settled;
    }
    /**
     * The last write, once more when it failed (the disk may have room again); the problem, naming
     * the file, when it fails still.
     */
    flush() {
        if (this.#failure && this.#opened)
            this.#write();
        return this.#failure;
    }
    #write() {
        try {
            this.#save(CREATE_STATE, writeCreateRecord(this.#record));
            this.#failure = undefined;
        }
        catch (error) {
            this.#failure = (0,workflow_commands/* runnerFileProblem */.Qp)('GITHUB_STATE', error);
        }
    }
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/zoho/oauth.ts



/**
 * Judges a refresh answer by its body, not its status: Zoho answers 200 with an `error` field,
 * and 200 with "Access Denied" when throttled (api-notes.md §4.3, §4.4).
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
function refreshFailureMessage(verdict, accountsUrl, inputRegion) {
    const hostRegion = (0,regions/* regionOfAccountsHost */.kK)(new URL(accountsUrl).hostname);
    const where = hostRegion ? `${accountsUrl}, Zoho's ${(0,regions/* regionLabel */.p)(hostRegion)} data centre` : accountsUrl;
    const region = inputRegion ?? hostRegion;
    const prefix = 'Zoho refused the refresh of the access token';
    switch (verdict.kind) {
        case 'invalid_client': {
            const used = region ? `${(0,regions/* regionLabel */.p)(region)}, the one this run used` : 'the one zoho-accounts-url points at';
            return (`${prefix} (invalid_client) at ${where}: zoho-client-id or zoho-client-secret is wrong, or the Zoho ` +
                `account lives in another data centre than ${used}. The domain you sign in to Zoho CRM at names the ` +
                "account's data centre (crm.zoho.com is us, crm.zoho.eu is eu): set zoho-region to it. Nothing was written to Adobe.");
        }
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
/** After a failure that may have reached Zoho: it is not sent again (api-notes.md §5.8). */
const MAYBE_SPENT = 'The refresh may have reached Zoho, so one of the 10 access tokens Zoho issues per refresh token per 10 minutes may have been spent; it was not sent again, so that no more are. Rerun later. Nothing was written to Adobe.';
/**
 * One refresh-token grant (api-notes.md §4.2). Secrets go in the form body, never in the URL.
 * `mask` receives the access token before anything else sees it. Sent again only when the
 * failure proves Zoho never received it (§5.8).
 */
async function refreshZohoAccessToken(http, request, mask) {
    let answer;
    try {
        answer = await http.postForm('refresh the Zoho access token', `${request.accountsUrl}/oauth/v2/token`, {
            grant_type: 'refresh_token',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            refresh_token: request.refreshToken
        }, { service: "Zoho's accounts server", input: 'zoho-accounts-url' }, 'token-refresh');
    }
    catch (error) {
        if (error instanceof NetworkError) {
            throw new errors/* ActionError */.lZ(`${error.message} ${error.maybeApplied ? MAYBE_SPENT : 'Nothing was written to Adobe.'}`, {
                cause: error
            });
        }
        if (error instanceof errors/* DeadlineError */.j3 && error.maybeApplied) {
            throw new errors/* ActionError */.lZ(`${error.message} ${MAYBE_SPENT}`, { cause: error });
        }
        throw error;
    }
    if (answer.status >= 500 || answer.status === 429) {
        throw new errors/* ActionError */.lZ(`Zoho's accounts server (zoho-accounts-url: ${request.accountsUrl}) answered HTTP ${answer.status} while trying to refresh the Zoho access token. ${MAYBE_SPENT}`);
    }
    const verdict = judgeRefreshAnswer(answer.status, answer.body);
    if (verdict.ok)
        mask(verdict.accessToken);
    if (!verdict.ok)
        throw new errors/* ActionError */.lZ((0,errors/* oneLine */.TN)(refreshFailureMessage(verdict, request.accountsUrl, request.region)));
    if (verdict.apiDomain && !(0,regions/* sameDataCentre */._Q)(request.endpoint, verdict.apiDomain)) {
        throw new errors/* ActionError */.lZ(`Zoho says this account's API domain is ${verdict.apiDomain}, but zoho-endpoint is ${request.endpoint}: ` +
            'the account lives in another data centre. Set zoho-endpoint (or zoho-region) to match. Nothing was written to Adobe.');
    }
    return verdict.accessToken;
}
/**
 * The access token to store in the connection, from where `zoho-check` says it comes. `log` hears
 * what the refresh proved.
 */
async function accessTokenToStore(http, request, source, mask, log) {
    if (source.check === 'none')
        return source.accessToken;
    const minted = await refreshZohoAccessToken(http, request, mask);
    log(`Zoho issued an access token (masked) at ${request.accountsUrl}: client, secret, refresh token and data centre are valid`);
    return source.accessToken ?? minted;
}

;// CONCATENATED MODULE: ./src/wiring.ts



















/**
 * Everything a run with valid inputs does: sign in, execute the plan, then write the state, the
 * outputs and the job summary, all even when the plan failed or the step was cancelled. Returns
 * the failure, already redacted.
 */
async function runAndReport(inputs, secrets, startedAt) {
    const report = (0,report_report/* newReport */.bQ)();
    const out = new RunnerOutput(secrets);
    const zoho = { called: false };
    const cancellation = new Cancellation();
    const runMarker = newRunMarker();
    const journal = new StateJournal({ marker: runMarker, name: inputs.connection.name, sandbox: inputs.sandbox, specId: inputs.connection.specId }, (name, value) => out.saveState(name, value));
    return whileListeningForCancel(cancellation, async () => {
        let dispatcher;
        let failure;
        try {
            dispatcher = createDispatcher();
            const work = signInAndRunPlan(inputs, dispatcher, secrets, report, out, {
                deadlineAt: startedAt + inputs.timeoutMs,
                cancellation,
                journal,
                runMarker,
                zoho
            });
            // Every request and wait ends at the cancellation, a write in flight after its grace; the
            // race is for anything else that would still hold the run.
            work.catch(() => undefined);
            await Promise.race([work, cancellation.overdue.then(() => Promise.reject(cancellation.error(undefined)))]);
            if (cancellation.by)
                throw cancellation.error(undefined);
        }
        catch (error) {
            if (cancellation.by) {
                // One message whatever the plan was doing: cancelled, and what exists.
                const cancelled = error instanceof CancelledError ? error : cancellation.error(undefined);
                failure = out.line(`${cancelled.message}. ${whatExists(report, journal, inputs)}`);
            }
            else {
                failure = out.line((0,report_report/* namingTheKnownConnection */.HA)((0,errors/* describeFailure */.Ic)(error), report));
            }
        }
        finally {
            // After a cancellation nothing may hold the step: requests still open are dropped.
            if (cancellation.by)
                await dispatcher?.destroy().catch(() => undefined);
            else
                await dispatcher?.close().catch(() => undefined);
        }
        return writeRunnerFiles(inputs, report, journal, secrets, out, failure, startedAt, zoho);
    });
}
/**
 * What exists now, for a failure that is not the plan's own (a cancellation, a runner file):
 * the connection the outputs name, every other one this run created, or a create in doubt.
 */
function whatExists(report, journal, inputs) {
    const where = `in sandbox "${inputs.sandbox}"`;
    const named = report.connectionId;
    const others = journal.ids.filter((id) => id !== named);
    const parts = [];
    if (named)
        parts.push(`connection ${named}, which this run ${report.created ? 'created' : 'found'}, exists ${where}`);
    if (others.length > 0)
        parts.push(`this run also created ${others.join(', ')} ${where}`);
    if (journal.open && journal.ids.length === 0) {
        parts.push(`a create of "${inputs.connection.name}" may have been applied ${where}; no id is known`);
    }
    if (journal.open) {
        parts.push(`the post step looks for what this run created and ${inputs.cleanup === 'created' ? 'deletes it (cleanup: created)' : 'deletes any copy that is not the oldest with the name'}`);
    }
    if (parts.length === 0)
        return 'This run created nothing.';
    const sentence = parts.join('; ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
/**
 * The runner files, each on its own and in this order: the state (the post step needs it most),
 * the outputs, the summary. A file that cannot be written fails the step, naming the file and
 * what exists; the summary alone is only a warning.
 */
function writeRunnerFiles(inputs, report, journal, secrets, out, planFailure, startedAt, zoho) {
    let failure = planFailure;
    const fileFailed = (problem) => {
        const line = failure
            ? `${failure} Also, this run ${problem}.`
            : `The run ${problem}. ${whatExists(report, journal, inputs)}`;
        failure = out.line(line);
    };
    const stateProblem = journal.flush();
    if (stateProblem)
        fileFailed(`${stateProblem}, so the post step cannot find what it created`);
    try {
        writeOutputs(inputs, report, secrets, out, failure);
    }
    catch (error) {
        fileFailed(`${(0,workflow_commands/* runnerFileProblem */.Qp)('GITHUB_OUTPUT', error)}, so later steps get no outputs`);
    }
    try {
        (0,workflow_commands/* appendSummary */.fe)((0,summary/* renderSummary */.Br)({
            mode: inputs.mode,
            sandbox: inputs.sandbox,
            name: inputs.connection.name,
            dryRun: inputs.dryRun,
            report,
            elapsedMs: Date.now() - startedAt,
            failure,
            verify: inputs.verify,
            // Only where Zoho was asked: a run that reused, checked or deleted never involved it.
            zohoDataCentre: zoho.called && inputs.zoho.target ? (0,regions/* describeAccountsServer */.vK)(inputs.zoho.target.accountsUrl) : undefined
        }, (text) => secrets.redact(text)));
    }
    catch (error) {
        out.warning(`The job summary is missing: this run ${(0,workflow_commands/* runnerFileProblem */.Qp)('GITHUB_STEP_SUMMARY', error)}. ${whatExists(report, journal, inputs)}`);
    }
    return failure;
}
async function signInAndRunPlan(inputs, dispatcher, secrets, report, out, { deadlineAt, cancellation, journal, runMarker, zoho }) {
    const mask = (value) => secrets.register(value);
    const runtime = systemRuntime(out, deadlineAt, cancellation);
    const http = newHttpClient(inputs, dispatcher, runtime);
    const writing = (0,parse/* writesZohoCredentials */.J)(inputs) ? inputs : undefined;
    const zohoAccessToken = once(async () => {
        if (!writing)
            throw new errors/* ActionError */.lZ(`${inputs.mode} mode never writes Zoho credentials`);
        const { target, clientId, clientSecret, refreshToken, token } = writing.zoho;
        zoho.called = token.check === 'token';
        return accessTokenToStore(http, {
            accountsUrl: target.accountsUrl,
            endpoint: target.apiDomain,
            clientId,
            clientSecret,
            refreshToken,
            region: target.region
        }, token, mask, (message) => out.info(message));
    });
    // create always writes Zoho credentials, so its one refresh runs alongside the IMS exchange.
    const writesNow = inputs.mode === 'create' && !inputs.dryRun;
    const [accessToken] = await out.group(writesNow ? 'Sign in to Adobe IMS and Zoho' : 'Sign in to Adobe IMS', async () => {
        const tokens = await Promise.all([imsAccessToken(inputs, http, mask), writesNow ? zohoAccessToken() : undefined]);
        out.info('accessToken' in inputs.adobe.auth
            ? 'Using the given adobe-access-token'
            : 'Adobe IMS issued an access token (masked)');
        return tokens;
    });
    if ('missing' in inputs.zoho) {
        const missing = inputs.zoho.missing;
        const message = `This dry run calls no Zoho, so it needs no ${missing.join(', ')}; a real ${inputs.mode} run needs ` +
            `${missing.length === 1 ? 'it' : 'them'} (it stores the Zoho credentials in the connection) and stops without.`;
        out.warning(message);
        (0,report_report/* addWarning */.Af)(report, message);
    }
    const session = platformSession(inputs, http, accessToken, 'clientSecret' in inputs.adobe.auth ? () => imsAccessToken(inputs, http, mask) : undefined);
    const wanted = expectedParams(inputs);
    const description = once(() => descriptionWithMarker(inputs.connection, runMarker));
    await executePlan({
        settings: {
            mode: inputs.mode,
            sandbox: inputs.sandbox,
            orgId: inputs.adobe.orgId,
            dryRun: inputs.dryRun,
            onExisting: inputs.onExisting,
            verify: inputs.verify,
            verifyTables: inputs.verifyTables,
            name: inputs.connection.name,
            connectionId: inputs.connectionId,
            specId: inputs.connection.specId,
            authSpecName: inputs.connection.authSpecName,
            maxAttempts: inputs.maxAttempts,
            settleTimeoutMs: inputs.settleTimeoutMs,
            runMarker,
            expectedParams: wanted,
            connectionBody: async (zohoToken) => {
                if (!writing)
                    throw new errors/* ActionError */.lZ(`${inputs.mode} mode never writes a connection`);
                // The body's params tag digests zoho-client-id: masked like every value derived from a secret.
                mask(writtenParamsDigest(wanted));
                return connectionBody(writing, await description(), zohoToken);
            }
        },
        services: {
            store: new FlowServiceClient(session),
            listSandboxes: () => listAvailableSandboxes(session),
            journal,
            sourceAccessToken: zohoAccessToken,
            runtime
        },
        report
    });
}
function writeOutputs(inputs, report, secrets, out, failure) {
    const outputs = stepOutputs(inputs, report, failure);
    for (const name of STEP_OUTPUTS) {
        const value = outputs[name];
        // Never masked by this action; but a value containing someone's secret cannot cross jobs.
        if (value && secrets.appearsIn(value)) {
            out.warning(`Output ${name} contained the value of a secret input; it is set with that value redacted.`);
        }
        out.setOutput(name, value);
    }
}
function once(make) {
    let promise;
    return () => (promise ??= make());
}


/***/ })

};

//# sourceMappingURL=485.index.js.map