export const id = 485;
export const ids = [485];
export const modules = {

/***/ 485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  settleWhatTheMainStepLeft: () => (/* binding */ settleWhatTheMainStepLeft)
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
function decisions_oldest(candidates) {
    return [...candidates].sort(byAge)[0];
}
function ensureAction(existingCount, onExisting) {
    if (existingCount === 0)
        return 'create';
    return onExisting;
}
/** True when this run wrote `marker` into the connection's description, so the run made it. */
function decisions_madeBy(marker, connection) {
    return connection.description?.includes(marker) ?? false;
}
/**
 * The twin check after a create, over a listing that shows `oursId` (so every connection created
 * before it is listed too): the oldest of all wins; every other connection this run made
 * (recognised by its marker, such as a copy from an attempt whose answer was lost) must go.
 * Connections of other runs are theirs to remove.
 */
function decisions_settleTwins(oursId, marker, listed) {
    const winner = decisions_oldest(listed);
    const ownCopiesToDelete = listed.filter((c) => c.id !== winner?.id && (c.id === oursId || decisions_madeBy(marker, c)));
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
    const regionOf = expectation.kind === 'api-url' ? regionOfApiHost : regionOfAccountsHost;
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
    const regionOf = expectation.kind === 'api-url' ? regionOfApiHost : regionOfAccountsHost;
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
    return createHash('sha256').update(JSON.stringify(written)).digest('hex').slice(0, 12);
}
/** Names are matched after Unicode NFC normalisation (api-notes.md §5.4). */
function sameName(a, b) {
    return a.normalize('NFC') === b.normalize('NFC');
}
/**
 * The warning when Adobe shows a created connection's name in another form than the one sent
 * (api-notes.md §5.4), both spelled out: printed as they are, two Unicode forms look the same.
 */
function decisions_nameShownDifferently(sent, shown) {
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
function decisions_missingTables(required, listed) {
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
class store_CreateOutcomeUnknownError extends errors/* ActionError */.lZ {
    name = 'CreateOutcomeUnknownError';
}
/** `If-Match` named an etag that is no longer current (FLOW 1404-412). */
class StaleEtagError extends errors/* ActionError */.lZ {
    name = 'StaleEtagError';
}
/** A Flow Service or Sandbox API code (`NNNN-SSS`), as opposed to a gateway's `error_code` (api-notes.md §2.9). */
function store_isFlowServiceCode(code) {
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
class LoopbackDirectDispatcher extends undici/* Dispatcher */.mk {
    #direct;
    #proxied;
    constructor(options) {
        super();
        this.#direct = new undici/* Agent */.g6(options);
        this.#proxied = new undici/* EnvHttpProxyAgent */.J2(options);
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
            const response = await (0,undici/* request */.Em)(req.url, {
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
    return !store_isFlowServiceCode(readAdobeErrorBody(response).code);
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
    if (store_isFlowServiceCode(code) ? code?.startsWith('2') : status === 403)
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
                throw new store_CreateOutcomeUnknownError(error.message, { cause: error });
            throw error;
        }
        if (response.status >= 500) {
            const failed = platformError(this.#session, operation, response);
            throw new store_CreateOutcomeUnknownError(failed.message, { cause: failed });
        }
        if (response.status === 200 || response.status === 201) {
            // Accepted, but an unreadable answer hides the id: as unknown as a timeout.
            const created = writeSchema.safeParse(parseJsonLeniently(response.body));
            if (!created.success) {
                throw new store_CreateOutcomeUnknownError(`Adobe's Flow Service API accepted the request to ${operation} (HTTP ${response.status}) but answered ${badIdIn(created.error) ? 'with an id that is not a valid resource id' : 'with an unreadable body'}`);
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

// EXTERNAL MODULE: ./src/plan/create-record.ts
var create_record = __webpack_require__(7969);
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
class cancellation_CancelledError extends errors/* ActionError */.lZ {
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
        this.#now.abort(new cancellation_CancelledError(signalName, undefined));
        setTimeout(() => this.#afterGrace.abort(new cancellation_CancelledError(signalName, undefined, true)), WRITE_GRACE_MS).unref();
    }
    /** The error a request or wait cut short by the cancellation reports. */
    error(operation, maybeApplied = false) {
        return new cancellation_CancelledError(this.#signalName ?? 'SIGINT', operation, maybeApplied);
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

;// CONCATENATED MODULE: ./src/plan/run-context.ts


/** A line for the log and the summary. */
function run_context_note(ctx, message) {
    ctx.services.runtime.log.info(message);
    addNote(ctx.report, message);
}
/** A warning for the log and the summary. */
function run_context_warn(ctx, message) {
    ctx.services.runtime.log.warning(message);
    addWarning(ctx.report, message);
}
function run_context_describeConnection(settings, id) {
    return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`;
}
/** Prefixes a failure with what exists, keeping Adobe's request id and the failure as `cause`. */
function run_context_prefixFailure(error, prefix) {
    if (error instanceof ServiceError) {
        return error.retold(`${prefix}: ${error.summary}`);
    }
    if (error instanceof Error)
        return new ActionError(`${prefix}: ${error.message}`, { cause: error });
    return new ActionError(prefix);
}

;// CONCATENATED MODULE: ./src/plan/verification.ts





/** Runs the verification `verify` names; the result is judged by `finishVerification`. */
async function verification_runVerification(ctx, id) {
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
        if (error instanceof ServiceError && error.status === 404)
            return { verified: 'false', gone: true };
        if (error instanceof ServiceError && isVerdictAboutTheConnection(error)) {
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
async function verification_verifyOrFail(ctx, id, what, advice) {
    const outcome = await ctx.services.runtime.log.group(`Verify ${id} (${ctx.settings.verify})`, () => verification_runVerification(ctx, id));
    return verification_finishVerification(ctx, id, outcome, what, advice);
}
/** Records the outcome; a failed verification, or a connection gone meanwhile, fails the run. */
function verification_finishVerification(ctx, id, outcome, what, advice) {
    const { settings, report } = ctx;
    recordVerified(report, outcome);
    if (outcome.by)
        recordVerifiedBy(report, outcome.by);
    if (outcome.gone) {
        forgetConnection(report);
        throw new ActionError(`The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.name}" is left; rerun to create it again.`);
    }
    if (outcome.verified === 'false') {
        const missingTable = settings.verifyTables.length > 0 && outcome.problem?.includes('verify-tables');
        const fix = missingTable
            ? 'give the Zoho user whose refresh token the connection holds access to those modules, or correct verify-tables'
            : advice;
        throw new ActionError(`The ${describeConnection(settings, id)} ${what}, but its verification failed: ${(outcome.problem ?? 'no reason given').replace(/[.\s]+$/, '')}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`);
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
        recordResult(report, 'would-create', `no connection named "${settings.name}" exists`);
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
        recordConnection(report, { ...winner, etag: winner.etag ?? sent.etag });
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
    recordConnection(ctx.report, made);
    recordOwnership(ctx.report, true);
    recordResult(ctx.report, 'created', `no connection named "${ctx.settings.name}" existed`);
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
    recordOwnership(report, false);
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
        // Intent before action: should the run end before it knows the outcome, the post step
        // finds what this create made by the marker saved here.
        services.journal.opened();
        try {
            const made = await services.store.createConnection(body);
            services.journal.made(made.id);
            return { kind: 'made', id: made.id, etag: made.etag };
        }
        catch (error) {
            if (causeOf(error, DeadlineError)?.maybeApplied) {
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
                throw new ActionError(`Creating "${settings.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); looking it up for ${seconds(settings.settleTimeoutMs)} s after each attempt found no such connection in sandbox "${settings.sandbox}", so nothing was left behind (should Adobe still apply one late, rerun ensure to adopt it).`);
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
    forgetConnection(report);
    services.journal.settled(undefined);
    throw new ActionError(`The ${describeConnection(settings, id)} was created, but was deleted before this run finished (by a teardown job or a person), so no connection id is reported: rerun to create it again.`);
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

;// CONCATENATED MODULE: ./src/post/leftovers.ts



/**
 * Which of this run's connections go. `cleanup: created`: all of them. Otherwise each that is not
 * the oldest with the name, so that a late create never stands beside the connection another run
 * reported; the oldest stays, whoever made it, as every run converges on it. `listed` is the
 * listing once it showed this run's copies, so every connection created before them is in it.
 */
function leftoverCopiesToDelete(own, listed, cleanup) {
    if (cleanup === 'created')
        return { toDelete: [...own], toKeep: [] };
    const eldest = decisions_oldest([...listed, ...own]);
    return {
        toDelete: own.filter((c) => c.id !== eldest?.id),
        toKeep: own.filter((c) => c.id === eldest?.id)
    };
}
async function settleLeftovers(store, runtime, record, cleanup, settleTimeoutMs) {
    const notes = [];
    const notDeleted = [];
    const own = [];
    let listed = [];
    const where = `in sandbox "${record.sandbox}"`;
    if (record.settled) {
        for (const id of record.ids) {
            const connection = await readOwn(store, record, id, notDeleted);
            if (connection)
                own.push(connection);
        }
    }
    else {
        const seconds = Math.round(settleTimeoutMs / 100) / 10;
        notes.push(`The main step's create of "${record.name}" ${where} was never settled (cancelled, cut short, or its outcome unknown); looking the name up for up to ${seconds} s (settle-timeout) for connections carrying its run marker.`);
        const shows = (connections) => connections.some((c) => decisions_madeBy(record.marker, c)) &&
            record.ids.every((id) => connections.some((c) => c.id === id));
        ({ listed } = await pollListing({ store, runtime, name: record.name, specId: record.specId, settleTimeoutMs }, shows, 'look for what the main step created'));
        own.push(...listed.filter((c) => decisions_madeBy(record.marker, c)));
        // Not listed yet: read by id, which is consistent.
        for (const id of record.ids.filter((id) => !own.some((c) => c.id === id))) {
            const connection = await readOwn(store, record, id, notDeleted);
            if (connection)
                own.push(connection);
        }
        notes.push(own.length === 0
            ? `No connection carrying this run's marker exists ${where}: the create left nothing behind.`
            : `Found ${own.length} connection${own.length === 1 ? '' : 's'} carrying this run's marker ${where}: ${own.map((c) => c.id).join(', ')}.`);
    }
    const { toDelete, toKeep } = leftoverCopiesToDelete(own, listed, cleanup);
    const kept = toKeep.map((c) => ({ id: c.id, why: `it is the oldest connection named "${record.name}" ${where}` }));
    const outcomes = await Promise.allSettled(toDelete.map((c) => store.deleteConnection(c.id)));
    const deleted = [];
    toDelete.forEach(({ id }, i) => {
        const outcome = outcomes[i];
        if (outcome?.status === 'fulfilled' && outcome.value === 'deleted')
            deleted.push(id);
        else if (outcome?.status === 'fulfilled')
            notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' });
        else
            notDeleted.push({ id, why: (0,errors/* describeFailure */.Ic)(outcome?.reason) });
    });
    return { deleted, kept, notDeleted, notes };
}
/** The connection `id` names, when it exists and carries this run's marker; else why not, in `notDeleted`. */
async function readOwn(store, record, id, notDeleted) {
    const connection = await store.getConnection(id);
    if (!connection) {
        notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' });
        return undefined;
    }
    if (!decisions_madeBy(record.marker, connection)) {
        notDeleted.push({
            id,
            why: `it does not carry this run's marker (${record.marker}), so this run did not create it; it is left as it is`
        });
        return undefined;
    }
    return connection;
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary, written on every run: a status line, a table of what is known, then notes.
 * It is light (no `@actions/core`), so a run with bad inputs writes one too before anything heavy
 * is loaded. Everything in it is HTML in one block with no blank line: GitHub renders such a
 * block as HTML and applies no Markdown to it, so a name or an error message cannot become a
 * link, an image or markup; every text is also entity-escaped, `:` and brackets included, so not
 * even a bare `https://…` is left for a linkifier to find. Never a secret: texts are redacted.
 */


/** GitHub keeps up to 1 MiB of a step's summary; this one stays far below, whatever it is fed. */
const MAX_SUMMARY_BYTES = 60_000;
const MAX_CELL = 300;
const MAX_MESSAGE = 2000;
const MAX_NOTE = 500;
const MAX_NOTES = 12;
/** Entity-escapes everything HTML or a Markdown linkifier could read as syntax. */
function escapeSummaryText(text) {
    return text.replace(/[&<>"'|[\]()!*_`~\\:@]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\b(www)\./gi, '$1&#46;');
}
function cell(text, redact, max = MAX_CELL) {
    return escapeSummaryText(runnerLine(text, redact, max));
}
function row(label, value, redact) {
    return `<tr><th>${label}</th><td>${cell(value, redact)}</td></tr>`;
}
function verification(facts) {
    const { verified } = facts.report;
    if (verified === 'skipped')
        return facts.verify === 'none' ? 'skipped (verify: none)' : 'skipped';
    if (verified === 'true' && facts.report.verifiedBy)
        return `passed: ${facts.report.verifiedBy}`;
    const how = facts.verify === 'explore' && facts.report.tables
        ? `explore (${facts.report.tables.length} table${facts.report.tables.length === 1 ? '' : 's'} listed)`
        : (facts.verify ?? '');
    return `${verified === 'true' ? 'passed' : 'failed'}${how ? `: ${how}` : ''}`;
}
function summary_status(facts, warnings, redact) {
    const { report } = facts;
    if (facts.failure)
        return `❌ <strong>Failed</strong>: ${cell(facts.failure, redact, MAX_MESSAGE)}`;
    const result = cell(report.result ?? 'done', redact);
    const id = report.connectionId ? ` (${cell(report.connectionId, redact)})` : '';
    if (facts.dryRun)
        return `🔍 <strong>Dry run</strong>: ${result}${id}; nothing was written`;
    if (warnings > 0)
        return `⚠️ <strong>${result}</strong>${id}, with ${warnings} warning${warnings === 1 ? '' : 's'}`;
    return `✅ <strong>${result}</strong>${id}`;
}
function listItems(items, redact, mark) {
    const shown = items.slice(0, MAX_NOTES).map((item) => `<li>${mark(item)}${cell(item, redact, MAX_NOTE)}</li>`);
    if (items.length > MAX_NOTES)
        shown.push(`<li>… and ${items.length - MAX_NOTES} more, in the log</li>`);
    return shown.length > 0 ? `<ul>${shown.join('')}</ul>` : '';
}
/** The summary of a run whose inputs were valid, as one HTML block. */
function renderSummary(facts, redact) {
    const { report } = facts;
    // Warnings are marked as warnings in the list.
    const { warnings } = report;
    const notes = [...report.notes, ...warnings.filter((warning) => !report.notes.includes(warning))];
    const rows = [
        row('Mode', facts.dryRun ? `${facts.mode} (dry run)` : facts.mode, redact),
        row('Sandbox', facts.sandbox, redact),
        row('Name', facts.name, redact),
        row('Connection id', report.connectionId ?? '—', redact),
        row('State', report.state ?? '—', redact),
        row('Etag', report.etag ?? '—', redact),
        row('Result', report.result ?? (facts.failure ? 'failed' : '—'), redact),
        row('Verification', verification(facts), redact),
        ...(facts.zohoDataCentre ? [row('Zoho data centre', facts.zohoDataCentre, redact)] : []),
        row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`, redact)
    ];
    const mark = (item) => (warnings.includes(item) ? '⚠️ <strong>Warning</strong>: ' : '');
    return bounded([
        '<h3>Zoho CRM base connection</h3>',
        `<p>${summary_status(facts, warnings.length, redact)}</p>`,
        `<table>${rows.join('')}</table>`,
        listItems(notes, redact, mark)
    ]);
}
/** The summary of a run stopped by its inputs: nothing was sent anywhere. */
function renderInputProblems(facts, redact) {
    const count = facts.problems.length;
    const rows = [
        row('Mode', facts.mode || '(not given)', redact),
        row('Sandbox', facts.sandbox || '(not given)', redact),
        row('Name', facts.name || '(not given)', redact),
        row('Result', 'failed: invalid inputs, nothing was sent', redact),
        row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`, redact)
    ];
    return bounded([
        '<h3>Zoho CRM base connection</h3>',
        `<p>❌ <strong>Failed</strong>: ${count === 1 ? 'an input is' : `${count} inputs are`} invalid</p>`,
        `<table>${rows.join('')}</table>`,
        listItems(facts.problems, redact, () => '')
    ]);
}
/** One block, no blank line; under MAX_SUMMARY_BYTES whatever the parts hold (the list goes first). */
function bounded(parts) {
    const html = parts.filter(Boolean).join(EOL);
    if (Buffer.byteLength(html) <= MAX_SUMMARY_BYTES)
        return html;
    const withoutList = parts.slice(0, 3).join(EOL);
    return `${withoutList}${EOL}<p>(Notes left out: the summary would have been too long; see the log.)</p>`;
}

;// CONCATENATED MODULE: ./src/post/settle.ts










/**
 * The post step's work once its state names something to do: sign in, settle or delete what the
 * main step left, then say what it found and did, in the log first and then in the summary. It
 * never fails the job: a connection it could not delete is a warning with its id, and a summary
 * it could not write is a warning that changes nothing it reports.
 */
async function settleWhatTheMainStepLeft(inputs, secrets, record) {
    const out = new RunnerOutput(secrets);
    const label = inputs.cleanup === 'created' ? 'cleanup: created' : 'Post step';
    const where = `in sandbox "${record.sandbox}"`;
    const lines = [];
    const say = (text, warning = false) => {
        lines.push({ text, warning });
        if (warning)
            out.warning(text);
        else
            out.info(text);
    };
    const foreign = (0,create_record/* notThisRuns */.eE)(record, { ...inputs.connection, sandbox: inputs.sandbox });
    let outcome;
    if (foreign) {
        say(`${label}: the saved state ${foreign}, so this run did not save it; nothing is deleted.`, true);
    }
    else {
        try {
            outcome = await signInAndSettle(inputs, secrets, record, out);
        }
        catch (error) {
            const known = record.ids.length > 0 ? `connection ${record.ids.join(', ')}` : 'whatever it created';
            say(`${label} did not delete ${known} ${where}: ${(0,errors/* describeFailure */.Ic)(error)}${record.settled ? '' : ` (look for connections whose description holds ${record.marker})`}`, true);
        }
    }
    if (outcome) {
        for (const note of outcome.notes)
            say(`${label}: ${note}`);
        for (const id of outcome.deleted)
            say(`${label}: deleted the connection ${id} ${where}, which the main step created.`);
        for (const { id, why } of outcome.kept)
            say(`${label}: kept the connection ${id} ${where}, which the main step created: ${why}.`);
        for (const { id, why } of outcome.notDeleted)
            say(`${label} did not delete connection ${id} ${where}: ${why}`, true);
    }
    try {
        const items = lines.map(({ text, warning }) => `<li>${warning ? '⚠️ <strong>Warning</strong>: ' : '🧹 '}${escapeSummaryText(out.line(text))}</li>`);
        (0,workflow_commands/* appendSummary */.fe)(`<h3>Zoho CRM base connection: post step</h3>\n<ul>${items.join('')}</ul>`);
    }
    catch (error) {
        out.warning(`The post step's summary is missing: it ${(0,workflow_commands/* runnerFileProblem */.Qp)('GITHUB_STEP_SUMMARY', error)}; what the post step did is in the log above.`);
    }
}
async function signInAndSettle(inputs, secrets, record, out) {
    // Inside the caller's try: a proxy variable the dispatcher refuses is a warning, not a crash.
    const dispatcher = createDispatcher();
    try {
        const runtime = systemRuntime(out, Date.now() + inputs.timeoutMs);
        const http = newHttpClient(inputs, dispatcher, runtime);
        const accessToken = await imsAccessToken(inputs, http, (value) => secrets.register(value));
        const store = new FlowServiceClient({ ...platformSession(inputs, http, accessToken), sandbox: record.sandbox });
        return await settleLeftovers(store, runtime, record, inputs.cleanup, inputs.settleTimeoutMs);
    }
    finally {
        await dispatcher.close().catch(() => undefined);
    }
}


/***/ })

};

//# sourceMappingURL=485.index.js.map