import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   j3: () => (/* binding */ DeadlineError),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   rl: () => (/* binding */ causeOf)
/* harmony export */ });
/**
 * The one error type that reaches the user. Its message is a single line that says what failed,
 * why, and what to do; it never contains a secret (callers build it from non-secret parts only).
 * An error that wraps another keeps it as `cause` (`causeOf` finds it again); the message says
 * what the wrapping adds, and describeFailure turns it into the one line the user sees.
 */
class ActionError extends Error {
    name = 'ActionError';
}
/** Bad input: nothing has been sent anywhere yet. */
class InputError extends ActionError {
    name = 'InputError';
    problems;
    /** Outputs that the valid inputs already settle (the sandbox, the Zoho data centre), by output name. */
    known;
    constructor(problems, known = {}) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `Invalid inputs (${problems.length}): ${problems.join('; ')}`);
        this.problems = problems;
        this.known = known;
    }
}
/**
 * An HTTP exchange that failed; carries the status, the service's error code and request id as
 * fields. `summary` is what failed and why; the message adds the request id, in this one place.
 */
class ServiceError extends ActionError {
    name = 'ServiceError';
    summary;
    status;
    code;
    requestId;
    constructor(summary, details = {}) {
        super(details.requestId ? `${summary} (Adobe request id ${details.requestId})` : summary, details.cause === undefined ? undefined : { cause: details.cause });
        this.summary = summary;
        this.status = details.status;
        this.code = details.code;
        this.requestId = details.requestId;
    }
    /** The same failure told with more context: status, code and request id kept, this error as its cause. */
    retold(summary) {
        return new ServiceError(summary, { status: this.status, code: this.code, requestId: this.requestId, cause: this });
    }
}
/**
 * The run reached the limit of its `timeout` input. Nothing more is sent after it; `maybeApplied`
 * is true when the request that was cut short may still have been acted on by the server.
 */
class DeadlineError extends ActionError {
    name = 'DeadlineError';
    operation;
    maybeApplied;
    constructor(operation, options = {}) {
        const maybeApplied = options.maybeApplied ?? false;
        super(`The run reached the limit of its \`timeout\` input while trying to ${operation}${options.detail ? ` (${options.detail})` : ''}; nothing more was sent` +
            (maybeApplied ? ', and the last request got no answer, so it may still have been applied' : '') +
            '. Raise `timeout`, or find out why the service is slow.');
        this.operation = operation;
        this.maybeApplied = maybeApplied;
    }
}
/**
 * The error of `type` that `error` is, or that it wraps through its `cause` chain: a deadline
 * stays a deadline, however often what ran into it was put into words.
 */
function causeOf(error, type) {
    for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
        if (current instanceof type)
            return current;
    }
    return undefined;
}
/** Collapses line breaks so a message is always one log line. */
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** The one line a failure is reported as; anything but an ActionError is a bug, and says so. */
function describeFailure(error) {
    if (error instanceof ActionError)
        return oneLine(error.message);
    if (error instanceof Error)
        return oneLine(`Unexpected ${error.name}: ${error.message}`);
    return 'Unexpected failure';
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(689);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9451:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   e3: () => (/* binding */ ZOHO_CRM_SPEC_ID),
/* harmony export */   m0: () => (/* binding */ givenOrDefault),
/* harmony export */   rV: () => (/* binding */ registerSecretInputs),
/* harmony export */   yI: () => (/* binding */ readRawInputs)
/* harmony export */ });
/* unused harmony exports INPUT_DEFAULTS, DEFAULT_SCOPES, SECRET_INPUTS */
const ZOHO_CRM_SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309';
/**
 * Every input, in action.yml's order (problems with them are listed in this order), with the
 * default an empty value stands for (`undefined`: none, or one the code
 * derives: the Zoho target from the other Zoho inputs, the description from the repository).
 */
const INPUT_DEFAULTS = {
    mode: 'ensure',
    sandbox: undefined,
    'adobe-client-id': undefined,
    'adobe-client-secret': undefined,
    'adobe-access-token': undefined,
    'adobe-org-id': undefined,
    'adobe-scopes': 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
    'adobe-ims-url': 'https://ims-na1.adobelogin.com',
    'adobe-platform-url': 'https://platform.adobe.io',
    'zoho-endpoint': undefined,
    'zoho-region': undefined,
    'zoho-accounts-url': undefined,
    'zoho-client-id': undefined,
    'zoho-client-secret': undefined,
    'zoho-refresh-token': undefined,
    'zoho-access-token': undefined,
    'zoho-check': 'token',
    'connection-name': 'Zoho CRM base connection',
    'connection-description': undefined,
    'connection-id': undefined,
    'on-existing': 'repair',
    verify: 'test',
    'verify-tables': undefined,
    cleanup: 'none',
    'dry-run': 'false',
    'connection-spec-id': ZOHO_CRM_SPEC_ID,
    'connection-spec-version': '1.0',
    'auth-spec-name': 'Basic Authentication',
    'request-timeout': '30',
    'max-attempts': '4',
    'settle-timeout': '30',
    timeout: '300'
};
const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
const DEFAULT_SCOPES = INPUT_DEFAULTS['adobe-scopes'];
/** Inputs whose values are masked before anything else happens. */
const SECRET_INPUTS = [
    'adobe-client-secret',
    'adobe-access-token',
    'zoho-client-id',
    'zoho-client-secret',
    'zoho-refresh-token',
    'zoho-access-token'
];
/** Reads every input as the runner passes it (`INPUT_<NAME>`), trimmed. */
function readRawInputs(getInput) {
    const raw = {};
    for (const name of INPUT_NAMES)
        raw[name] = getInput(name).trim();
    return raw;
}
/** Must run before the inputs are parsed, so that no validation message can ever show a secret. */
function registerSecretInputs(raw, secrets) {
    for (const name of SECRET_INPUTS)
        secrets.register(raw[name]);
}
/** The value an input stands for: as given, else its default; `undefined` when it has neither. */
function givenOrDefault(raw, name) {
    return raw[name] === '' ? INPUT_DEFAULTS[name] : raw[name];
}


/***/ }),

/***/ 2804:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T: () => (/* binding */ parseInputs),
  J: () => (/* binding */ writesZohoCredentials)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/contract.ts
var contract = __nccwpck_require__(9451);
// EXTERNAL MODULE: ./src/loopback.ts
var loopback = __nccwpck_require__(2082);
;// CONCATENATED MODULE: ./src/inputs/fields.ts

const MAX_LENGTH = 4096;
// Tab is allowed; line breaks are judged separately.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// eslint-disable-next-line no-control-regex
const TABLE_NAME = /^[^\u0000-\u001f\u007f,]{1,200}$/;
const SCOPE = /^[A-Za-z0-9_.:/-]{1,200}$/;
/** A text input, kept as given when every check passes. */
function fields_text(name, ...checks) {
    return (value, problem) => {
        const found = value.length > MAX_LENGTH
            ? `${name} is too long (${value.length} characters; at most ${MAX_LENGTH})`
            : checks.map((check) => check(value)).find((message) => message !== undefined);
        if (found === undefined)
            return value;
        problem(found);
        return undefined;
    };
}
/** A secret: checked for shape only; a message about it never quotes it. */
function secret(name, usedInHeader) {
    return fields_text(name, (value) => {
        if (LINE_BREAK.test(value) || CONTROL_CHARACTERS.test(value)) {
            return `${name} contains a line break or control character: paste the value as one line (the value is masked and not shown)`;
        }
        if (usedInHeader && !VISIBLE_ASCII.test(value)) {
            return `${name} contains spaces or non-ASCII characters, which a token never has (the value is masked and not shown)`;
        }
        return undefined;
    });
}
function oneOf(name, values) {
    return (value, problem) => {
        if (values.includes(value))
            return value;
        problem(`${name} must be one of ${values.join(', ')}, got ${quote(value)}`);
        return undefined;
    };
}
/** A base URL, used as a prefix: a trailing slash would double up, so it is dropped. */
function baseUrl(name) {
    const read = fields_text(name, urlCheck(name));
    return (value, problem) => read(value, problem)?.replace(/\/+$/, '');
}
function urlCheck(name) {
    return (value) => {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            return `${name} must be an absolute URL such as https://example.com, got ${quote(value)}`;
        }
        if (url.username || url.password)
            return `${name} must not contain a user name or password`;
        // `new URL` drops a bare trailing `?` or `#`, so the text itself is checked.
        if (url.search || url.hash || /[?#]/.test(value)) {
            return `${name} must not have a query string or fragment (no ? or #), got ${quote(value)}`;
        }
        if (url.protocol === 'https:')
            return undefined;
        if (url.protocol === 'http:' && (0,loopback/* isLoopbackHost */.c)(url.hostname))
            return undefined;
        if (url.protocol === 'http:') {
            return `${name} must use https (plain http is allowed only on loopback hosts such as 127.0.0.1), got ${quote(value)}`;
        }
        return `${name} must be an https URL, got ${quote(value)}`;
    };
}
function number(name, { min, max, integer }) {
    return (value, problem) => {
        const parsed = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN;
        if (Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && parsed >= min && parsed <= max) {
            return parsed;
        }
        problem(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${quote(value)}`);
        return undefined;
    };
}
/** The values `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
function fields_boolean(name) {
    return (value, problem) => {
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        problem(`${name} must be true or false, got ${quote(value)}`);
        return undefined;
    };
}
/** Comma-separated table names (Zoho modules such as Contacts,Leads), without repeats. */
function tableNames(name) {
    return (value, problem) => {
        const names = value.split(',').map((table) => table.trim());
        if (names.length <= 100 && names.every((table) => TABLE_NAME.test(table)))
            return [...new Set(names)];
        problem(`${name} must be a comma-separated list of up to 100 table names such as Contacts,Leads, got ${quote(value)}`);
        return undefined;
    };
}
/** OAuth scopes: comma-separated, or a JSON array. */
function scopes(name) {
    return (value, problem) => {
        let list;
        if (value.startsWith('[')) {
            try {
                list = JSON.parse(value);
            }
            catch {
                problem(`${name} looks like a JSON array but is not valid JSON`);
                return undefined;
            }
        }
        else {
            list = value.split(',').map((scope) => scope.trim());
        }
        if (isScopeList(list))
            return list;
        problem(`${name} must be a comma-separated list or a JSON array of scope names (letters, digits, _ . : / -)`);
        return undefined;
    };
}
function isScopeList(list) {
    return (Array.isArray(list) &&
        list.length >= 1 &&
        list.length <= 100 &&
        list.every((scope) => typeof scope === 'string' && SCOPE.test(scope)));
}
function pattern(name, shape, expected) {
    return (value) => (shape.test(value) ? undefined : `${name} must be ${expected}, got ${quote(value)}`);
}
function noControlCharacters(name, allowLineBreaks) {
    return (value) => CONTROL_CHARACTERS.test(value) || (!allowLineBreaks && LINE_BREAK.test(value))
        ? `${name} must not contain ${allowLineBreaks ? 'control characters' : 'line breaks or control characters'}`
        : undefined;
}
function maxLength(name, max) {
    return (value) => value.length > max ? `${name} is too long (${value.length} characters; at most ${max})` : undefined;
}
/** Quotes a non-secret value for a message, shortened so a huge value cannot flood the log. */
function quote(value) {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
}

// EXTERNAL MODULE: ./src/zoho/regions.ts
var regions = __nccwpck_require__(2403);
// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __nccwpck_require__(7819);
;// CONCATENATED MODULE: ./src/inputs/parse.ts
/**
 * The inputs, parsed once into what a run works with. Each input is read by its reader in
 * `FIELDS`; then the rules across inputs (what each mode needs, one Zoho data centre) decide, and
 * the result's type carries what they proved: a writing mode's inputs have their Zoho credentials
 * and data centre, every run's have the Adobe credentials it signs in with.
 */





/** The inputs of a mode that stores Zoho credentials, with those credentials. */
function writesZohoCredentials(inputs) {
    return isWritingMode(inputs.mode) && 'clientId' in inputs.zoho;
}
/** The Zoho inputs that `ensure` and `create` store in the connection (a dry run stores nothing). */
const ZOHO_SECRETS = ['zoho-client-id', 'zoho-client-secret', 'zoho-refresh-token'];
function isWritingMode(mode) {
    return mode === 'ensure' || mode === 'create';
}
const SANDBOX_NAME = /^[a-z0-9](?:[a-z0-9-]{0,254})$/;
const ORG_ID = /^[A-Za-z0-9]{1,64}@AdobeOrg$/;
const VERSION = /^[0-9]+(\.[0-9]+){0,3}$/;
/** The reader of every input. */
const FIELDS = {
    mode: oneOf('mode', vocabulary/* MODES */.FN),
    sandbox: fields_text('sandbox', pattern('sandbox', SANDBOX_NAME, 'an AEP sandbox name: lower-case letters, digits and -, such as prod or dev-2')),
    'adobe-client-id': fields_text('adobe-client-id', (value) => VISIBLE_ASCII.test(value) && value.length <= 256
        ? undefined
        : 'adobe-client-id must be the client id from the Adobe Developer Console (no spaces, ASCII only)'),
    'adobe-client-secret': secret('adobe-client-secret', false),
    'adobe-access-token': secret('adobe-access-token', true),
    'adobe-org-id': fields_text('adobe-org-id', pattern('adobe-org-id', ORG_ID, 'an IMS organization id ending in @AdobeOrg, such as 0A1B2C3D4E5F60718293A4B5@AdobeOrg')),
    'adobe-scopes': scopes('adobe-scopes'),
    'adobe-ims-url': baseUrl('adobe-ims-url'),
    'adobe-platform-url': baseUrl('adobe-platform-url'),
    'zoho-endpoint': baseUrl('zoho-endpoint'),
    'zoho-region': fields_text('zoho-region', (value) => regions/* ZOHO_REGIONS */.ZY.includes(value)
        ? undefined
        : `zoho-region must be one of ${regions/* ZOHO_REGIONS */.ZY.join(', ')}, got ${quote(value)}`),
    'zoho-accounts-url': baseUrl('zoho-accounts-url'),
    'zoho-client-id': secret('zoho-client-id', false),
    'zoho-client-secret': secret('zoho-client-secret', false),
    'zoho-refresh-token': secret('zoho-refresh-token', false),
    'zoho-access-token': secret('zoho-access-token', false),
    'zoho-check': oneOf('zoho-check', vocabulary/* ZOHO_CHECKS */.V2),
    'connection-name': fields_text('connection-name', noControlCharacters('connection-name', false), maxLength('connection-name', 256)),
    'connection-description': fields_text('connection-description', noControlCharacters('connection-description', true), maxLength('connection-description', 1024)),
    'connection-id': fields_text('connection-id', pattern('connection-id', vocabulary/* RESOURCE_ID */.f2, 'a base connection id such as 2484f2df-c057-4ab5-84f2-dfc0577ab592')),
    'on-existing': oneOf('on-existing', vocabulary/* ON_EXISTING */.O2),
    verify: oneOf('verify', vocabulary/* VERIFY */.k7),
    'verify-tables': tableNames('verify-tables'),
    cleanup: oneOf('cleanup', vocabulary/* CLEANUPS */.oZ),
    'dry-run': fields_boolean('dry-run'),
    'connection-spec-id': fields_text('connection-spec-id', pattern('connection-spec-id', vocabulary/* RESOURCE_ID */.f2, `a connection spec id such as ${contract/* ZOHO_CRM_SPEC_ID */.e3}`)),
    'connection-spec-version': fields_text('connection-spec-version', pattern('connection-spec-version', VERSION, 'a version such as 1.0')),
    'auth-spec-name': fields_text('auth-spec-name', noControlCharacters('auth-spec-name', false), maxLength('auth-spec-name', 128)),
    'request-timeout': number('request-timeout', { min: 0.1, max: 600, integer: false }),
    'max-attempts': number('max-attempts', { min: 1, max: 10, integer: true }),
    'settle-timeout': number('settle-timeout', { min: 0, max: 600, integer: false }),
    timeout: number('timeout', { min: 1, max: 21_600, integer: false })
};
/** The inputs every mode needs; they have no default. */
const REQUIRED = ['sandbox', 'adobe-client-id', 'adobe-org-id'];
/** Validates every input at once; throws an InputError listing each problem by input name. */
function parseInputs(raw) {
    const problems = [];
    const fields = {};
    for (const name of contract/* INPUT_NAMES */.Qh) {
        const value = (0,contract/* givenOrDefault */.m0)(raw, name);
        const read = FIELDS[name];
        fields[name] = value === undefined ? undefined : read(value, (message) => problems.push(message));
    }
    const { inputs, target } = applyRules(raw, fields, problems);
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems, knownOutputs(fields, target));
    // Every reader and rule that leaves a value out reports why; this would be a bug of the action.
    if (!inputs)
        throw new Error('the inputs were refused, but no rule said why');
    return inputs;
}
function ruled(target, inputs) {
    return { inputs, target };
}
/** The outputs that the inputs settle before anything is sent: set even when other inputs are invalid. */
function knownOutputs(fields, target) {
    return {
        ...(fields.sandbox ? { sandbox: fields.sandbox } : {}),
        ...(target ? { 'zoho-api-domain': target.apiDomain, 'zoho-accounts-url': target.accountsUrl } : {})
    };
}
/**
 * The rules across inputs, over the fields as read (an invalid one is already reported and is
 * undefined here): each broken rule is added to `problems`. The inputs are returned only when
 * every rule holds, with what the rules proved in their type; the Zoho data centre whenever the
 * Zoho inputs settle one.
 */
function applyRules(raw, fields, problems) {
    const { mode } = fields;
    requireInputs(raw, problems);
    const adobeAuth = adobeAuthOf(raw, fields, problems);
    const writing = isWritingMode(mode);
    const zoho = writing ? zohoCredentialsOf(mode, raw, fields, problems) : undefined;
    if (writing && raw['connection-id'] !== '') {
        problems.push(`connection-id is only used by the check and delete modes, not ${mode}: remove it, or use connection-name`);
    }
    if (raw['verify-tables'] !== '' && fields.verify !== 'explore') {
        problems.push('verify-tables is only checked with verify: explore: set verify to explore, or remove verify-tables');
    }
    if (raw.cleanup === 'created' && mode && !writing) {
        problems.push(`cleanup: created deletes what this run creates, and ${mode} mode creates nothing: remove cleanup`);
    }
    const zohoGiven = raw['zoho-endpoint'] !== '' || raw['zoho-region'] !== '' || raw['zoho-accounts-url'] !== '';
    const target = writing || zohoGiven ? zohoTargetOf(raw, fields, problems) : undefined;
    if (problems.length > 0 || !adobeAuth)
        return ruled(target, undefined);
    const valid = fields;
    const run = runInputsOf(valid, adobeAuth);
    if (!isWritingMode(valid.mode)) {
        return ruled(target, { ...run, mode: valid.mode, zoho: { target }, connectionId: valid['connection-id'] });
    }
    // A writing mode without its Zoho credentials or data centre has had that reported above.
    if (!zoho || !target)
        return ruled(target, undefined);
    if (zoho.credentials) {
        return ruled(target, { ...run, mode: valid.mode, zoho: { target, ...zoho.credentials }, connectionId: undefined });
    }
    if (!run.dryRun || zoho.missing.length === 0)
        return ruled(target, undefined);
    return ruled(target, {
        ...run,
        mode: valid.mode,
        dryRun: true,
        zoho: { target, missing: zoho.missing },
        connectionId: undefined
    });
}
function requireInputs(raw, problems) {
    const why = {
        sandbox: '(the AEP sandbox to act on; it is never defaulted, so that production is not targeted by accident)',
        'adobe-client-id': '(the OAuth Server-to-Server client id from the Adobe Developer Console)',
        'adobe-org-id': '(the IMS organization id, …@AdobeOrg)'
    };
    for (const name of REQUIRED)
        if (raw[name] === '')
            problems.push(`${name} is required ${why[name]}`);
}
function adobeAuthOf(raw, fields, problems) {
    if (raw['adobe-client-secret'] === '' && raw['adobe-access-token'] === '') {
        problems.push('adobe-client-secret is required unless adobe-access-token is given (the OAuth Server-to-Server client secret)');
    }
    const accessToken = fields['adobe-access-token'];
    const clientSecret = fields['adobe-client-secret'];
    if (accessToken)
        return { accessToken };
    return clientSecret ? { clientSecret } : undefined;
}
/**
 * The Zoho credentials a writing mode stores, and the Zoho inputs missing for them. A dry run
 * stores nothing and calls no Zoho, so for it a missing one is not a problem; given ones are
 * still read (and were masked before).
 */
function zohoCredentialsOf(mode, raw, fields, problems) {
    const check = fields['zoho-check'];
    const missing = ZOHO_SECRETS.filter((name) => raw[name] === '');
    if (check === 'none' && raw['zoho-access-token'] === '')
        missing.push('zoho-access-token');
    if (fields['dry-run'] !== true) {
        for (const name of missing) {
            problems.push(name === 'zoho-access-token'
                ? 'zoho-access-token is required when zoho-check is none (no token is minted from the refresh token)'
                : `${name} is required in ${mode} mode (it is stored in the connection)`);
        }
    }
    const clientId = fields['zoho-client-id'];
    const clientSecret = fields['zoho-client-secret'];
    const refreshToken = fields['zoho-refresh-token'];
    const accessToken = fields['zoho-access-token'];
    if (!clientId || !clientSecret || !refreshToken || !check)
        return { credentials: undefined, missing };
    const secrets = { clientId, clientSecret, refreshToken };
    if (check === 'token')
        return { credentials: { ...secrets, token: { check, accessToken } }, missing };
    return { credentials: accessToken ? { ...secrets, token: { check, accessToken } } : undefined, missing };
}
/** One Zoho data centre from the three Zoho inputs, judged only when each is well-formed. */
function zohoTargetOf(raw, fields, problems) {
    const invalid = (name) => raw[name] !== '' && fields[name] === undefined;
    if (invalid('zoho-endpoint') || invalid('zoho-region') || invalid('zoho-accounts-url'))
        return undefined;
    const resolved = (0,regions/* resolveZohoTarget */.u4)({
        endpoint: fields['zoho-endpoint'],
        region: fields['zoho-region'],
        accountsUrl: fields['zoho-accounts-url']
    });
    if (resolved.ok)
        return resolved.target;
    problems.push(...resolved.problems);
    return undefined;
}
/** What every mode shares. */
function runInputsOf(f, auth) {
    return {
        sandbox: f.sandbox,
        dryRun: f['dry-run'],
        adobe: {
            clientId: f['adobe-client-id'],
            orgId: f['adobe-org-id'],
            auth,
            scopes: f['adobe-scopes'],
            imsUrl: f['adobe-ims-url'],
            platformUrl: f['adobe-platform-url']
        },
        connection: {
            name: f['connection-name'],
            description: f['connection-description'],
            specId: f['connection-spec-id'],
            specVersion: f['connection-spec-version'],
            authSpecName: f['auth-spec-name']
        },
        onExisting: f['on-existing'],
        verify: f.verify,
        verifyTables: f['verify-tables'] ?? [],
        cleanup: f.cleanup,
        requestTimeoutMs: Math.round(f['request-timeout'] * 1000),
        maxAttempts: f['max-attempts'],
        settleTimeoutMs: Math.round(f['settle-timeout'] * 1000),
        timeoutMs: Math.round(f.timeout * 1000)
    };
}


/***/ }),

/***/ 2082:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/**
 * 127.0.0.0/8, localhost and [::1]: the only hosts plain http may go to (an input pointing
 * elsewhere over http is refused), and the hosts requests reach directly, never through a proxy.
 */
function isLoopbackHost(hostname) {
    return /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname);
}


/***/ }),

/***/ 689:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: unsupportedNode

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/contract.ts
var contract = __nccwpck_require__(9451);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 1 modules
var parse = __nccwpck_require__(2804);
;// CONCATENATED MODULE: ./src/runner/secrets.ts
/**
 * Owns masking. Every secret input and every value minted from one goes through `register`
 * before anything can print it; outputs never do (the runner drops a job output that contains a
 * masked value: see README, "Passing the id between jobs").
 */
/** Shorter values would mask common substrings of logs and outputs, so they are not registered. */
const MIN_MASKED_LENGTH = 4;
/**
 * A service may echo part of a secret (a prefix, a suffix, a starred or truncated form): any run
 * of this many consecutive characters of a registered value is redacted too.
 */
const FRAGMENT_LENGTH = 8;
class SecretRegistry {
    #sink;
    #masked = new Set();
    /** Every FRAGMENT_LENGTH-character piece of every registered form: a few hundred short strings. */
    #fragments = new Set();
    constructor(sink) {
        this.#sink = sink;
    }
    /**
     * Registers a secret, each of its lines, and the encoded forms it can take on its way out
     * (form and URL encoding, JSON escaping, base64), so a log line can never show any of them.
     */
    register(value) {
        if (!value || value.length < MIN_MASKED_LENGTH)
            return;
        const lines = value.split(/\r?\n|\r/).map((line) => line.trim());
        for (const candidate of [value, ...lines, ...encodedForms(value)]) {
            if (candidate.length < MIN_MASKED_LENGTH || this.#masked.has(candidate))
                continue;
            this.#masked.add(candidate);
            for (let at = 0; at + FRAGMENT_LENGTH <= candidate.length; at++) {
                this.#fragments.add(candidate.slice(at, at + FRAGMENT_LENGTH));
            }
            this.#sink(candidate);
        }
    }
    /** True when the text contains a registered value; used to keep outputs mask-free. */
    appearsIn(text) {
        for (const value of this.#masked)
            if (text.includes(value))
                return true;
        return false;
    }
    /**
     * Last line of defence for messages: replaces every registered value, and every run of
     * FRAGMENT_LENGTH or more characters of one, with `***`. Linear in the text's length, so
     * callers bound the text first.
     */
    redact(text) {
        let result = this.#redactFragments(text);
        const shortValues = [...this.#masked].filter((value) => value.length < FRAGMENT_LENGTH);
        for (const value of shortValues.sort((a, b) => b.length - a.length))
            result = result.split(value).join('***');
        return result;
    }
    #redactFragments(text) {
        if (this.#fragments.size === 0 || text.length < FRAGMENT_LENGTH)
            return text;
        // Mark every character inside some piece of a secret, then write each marked run as one `***`.
        const covered = new Uint8Array(text.length);
        let any = false;
        for (let at = 0; at + FRAGMENT_LENGTH <= text.length; at++) {
            if (this.#fragments.has(text.slice(at, at + FRAGMENT_LENGTH))) {
                covered.fill(1, at, at + FRAGMENT_LENGTH);
                any = true;
            }
        }
        if (!any)
            return text;
        let result = '';
        for (let at = 0; at < text.length; at++) {
            if (!covered[at])
                result += text[at];
            else if (at === 0 || !covered[at - 1])
                result += '***';
        }
        return result;
    }
}
function encodedForms(value) {
    return [
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
        Buffer.from(value, 'utf8').toString('base64')
    ].filter((form) => form !== value);
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __nccwpck_require__(7994);
// EXTERNAL MODULE: ./src/report/report.ts
var report = __nccwpck_require__(8850);
// EXTERNAL MODULE: ./src/runner/workflow-commands.ts + 1 modules
var workflow_commands = __nccwpck_require__(2145);
;// CONCATENATED MODULE: ./src/main.ts







/**
 * The action: mask secrets, validate inputs, run one plan, write outputs and the summary.
 * The one place that turns an error into the step's failure.
 */
async function run() {
    const startedAt = Date.now();
    const secrets = new SecretRegistry(workflow_commands/* setSecret */.Pq);
    const raw = (0,contract/* readRawInputs */.yI)(workflow_commands/* getInput */.V4);
    (0,contract/* registerSecretInputs */.rV)(raw, secrets);
    const redact = (text) => secrets.redact(text);
    let failure;
    try {
        const tooOld = unsupportedNode(process.versions.node);
        if (tooOld)
            throw new errors/* ActionError */.lZ(tooOld);
        const inputs = (0,parse/* parseInputs */.T)(raw);
        // @actions/core, undici and the clients are most of the bundle: a bad input fails before
        // they are loaded, in little more than the time Node takes to start.
        const { runAndReport } = await Promise.all(/* import() */[__nccwpck_require__.e(407), __nccwpck_require__.e(485)]).then(__nccwpck_require__.bind(__nccwpck_require__, 485));
        failure = await runAndReport(inputs, secrets, startedAt);
    }
    catch (error) {
        failure = (0,errors/* describeFailure */.Ic)(error);
        writeEarlyOutputs(error, failure, redact);
        writeEarlySummary(raw, error, failure, Date.now() - startedAt, redact);
    }
    if (failure)
        (0,workflow_commands/* setFailed */.C1)((0,workflow_commands/* runnerLine */.XJ)(failure, redact));
}
/**
 * The bundle needs Node 24 (action.yml `runs.using: node24`); an older Node (a runner too old for
 * node24 that falls back, a local run) would fail later with a TypeError that explains nothing.
 */
function unsupportedNode(version) {
    const major = Number(version.split('.')[0]);
    if (major >= 24)
        return undefined;
    return (`This action needs Node 24 or later (runs.using: node24), but Node ${version} started it: ` +
        'a self-hosted runner needs version 2.327.1 or later.');
}
/**
 * `reason` is documented for every failure, so a run stopped before the plan sets it, and the
 * outputs its valid inputs already settle (the sandbox, the Zoho data centre).
 */
function writeEarlyOutputs(error, failure, redact) {
    const known = error instanceof errors/* InputError */.dz ? error.known : {};
    const outputs = { created: 'false', verified: 'skipped', reason: failure };
    try {
        for (const [name, value] of Object.entries({ ...known, ...outputs })) {
            (0,workflow_commands/* setOutput */.uH)(name, (0,workflow_commands/* runnerLine */.XJ)(value, redact));
        }
    }
    catch {
        // A runner without a writable GITHUB_OUTPUT: the failure is still reported, next.
    }
}
/** A failure before the plan ran (bad inputs, most often) still gets its summary. */
function writeEarlySummary(raw, error, failure, elapsedMs, redact) {
    const given = { mode: raw.mode, sandbox: raw.sandbox, name: raw['connection-name'], elapsedMs };
    try {
        (0,workflow_commands/* appendSummary */.fe)(error instanceof errors/* InputError */.dz
            ? (0,summary/* renderInputProblems */.dX)({ ...given, problems: error.problems }, redact)
            : (0,summary/* renderSummary */.Br)({
                ...given,
                dryRun: false,
                report: (0,report/* newReport */.bQ)(),
                failure
            }, redact));
    }
    catch {
        // An unwritable summary file must not hide the failure itself, which is reported next.
    }
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ addWarning),
/* harmony export */   HA: () => (/* binding */ namingTheKnownConnection),
/* harmony export */   Hp: () => (/* binding */ recordDeleted),
/* harmony export */   Pr: () => (/* binding */ recordResult),
/* harmony export */   _y: () => (/* binding */ forgetConnection),
/* harmony export */   bQ: () => (/* binding */ newReport),
/* harmony export */   fz: () => (/* binding */ recordEtag),
/* harmony export */   gp: () => (/* binding */ addNote),
/* harmony export */   jP: () => (/* binding */ recordVerifiedBy),
/* harmony export */   qE: () => (/* binding */ recordConnection),
/* harmony export */   vn: () => (/* binding */ recordOwnership),
/* harmony export */   y4: () => (/* binding */ recordVerified)
/* harmony export */ });
function newReport() {
    return { created: false, verified: 'skipped', deletedIds: [], notes: [], warnings: [] };
}
/** The outputs now name this connection. */
function recordConnection(report, connection) {
    report.connectionId = connection.id;
    if (connection.etag !== undefined)
        report.etag = connection.etag;
    if (connection.state !== undefined)
        report.state = connection.state;
}
/** The connection the outputs named is gone: hand nothing on to later jobs. */
function forgetConnection(report) {
    delete report.connectionId;
    delete report.etag;
    delete report.state;
    report.created = false;
}
/** Whether the connection the outputs name is one this run created. */
function recordOwnership(report, created) {
    report.created = created;
}
/** An update gave the connection the outputs name a new etag. */
function recordEtag(report, etag) {
    report.etag = etag;
}
/** What a verification showed: whether it passed, the tables it listed, and what proved it. */
function recordVerified(report, outcome) {
    report.verified = outcome.verified;
    if (outcome.tables)
        report.tables = outcome.tables;
}
/** What a verification that passed proved, for the summary, with its line. */
function recordVerifiedBy(report, by) {
    report.verifiedBy = by;
    report.notes.push(`Verified with ${by}.`);
}
/** In delete mode: a connection deleted. */
function recordDeleted(report, id) {
    report.deletedIds.push(id);
}
/** A line for the summary: what was done, what was seen. */
function addNote(report, line) {
    report.notes.push(line);
}
/** A line for the summary that needs attention. */
function addWarning(report, line) {
    report.warnings.push(line);
}
function recordResult(report, result, reason) {
    if (result === undefined)
        delete report.result;
    else
        report.result = result;
    if (reason !== undefined)
        report.reason = reason;
}
/** A failure after a connection is known says which one exists, unless it already does. */
function namingTheKnownConnection(failure, report) {
    const id = report.connectionId;
    if (!id || failure.includes(id))
        return failure;
    return `${failure} (connection ${id}, which this run ${report.created ? 'created' : 'found'}, exists)`;
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   dX: () => (/* binding */ renderInputProblems)
/* harmony export */ });
/* unused harmony exports MAX_SUMMARY_BYTES, escapeSummaryText */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2145);
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
    return escapeSummaryText((0,_runner_workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .runnerLine */ .XJ)(text, redact, max));
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
function status(facts, warnings, redact) {
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
        `<p>${status(facts, warnings.length, redact)}</p>`,
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
    const html = parts.filter(Boolean).join(node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    if (Buffer.byteLength(html) <= MAX_SUMMARY_BYTES)
        return html;
    const withoutList = parts.slice(0, 3).join(node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    return `${withoutList}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}<p>(Notes left out: the summary would have been too long; see the log.)</p>`;
}


/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  V4: () => (/* binding */ getInput),
  Qp: () => (/* binding */ runnerFileProblem),
  XJ: () => (/* binding */ runnerLine),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret)
});

// UNUSED EXPORTS: MAX_LINE_LENGTH, getState, info, runnerStdout

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/runner/workflow-commands.ts
/**
 * The runner calls a run makes before its inputs are known to be valid: read an input, mask a
 * value, set the outputs that are already known, append to the job summary, fail the step. They are written here, byte for byte as `@actions/core` writes them
 * (`__tests__/unit/runner/workflow-commands.test.ts` holds them to it), because
 * `@actions/core` pulls in its HTTP client and undici: compiling those is most of the time a bad
 * input would otherwise take to fail. Masks (minted tokens too) and the step's failure go through
 * here for the whole run; everything else a run prints goes through `src/runner/output.ts`.
 * `runnerLine` is the one rule for any text shown to the runner, and lives here to stay light.
 */



/** `core.getInput(name)`: the runner passes input `name` as `INPUT_<NAME>`; trimmed, '' when absent. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** `core.setSecret(value)`: from this line on the runner prints `***` for the value. */
function setSecret(value) {
    issue('add-mask', value);
}
/** `core.setFailed(message)`: an error annotation, and exit code 1 once the event loop drains. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/**
 * `core.setOutput(name, value)`: a heredoc in the `GITHUB_OUTPUT` file, whose random delimiter no
 * value can contain; without that file, the old `::set-output` command. For a run whose inputs
 * were refused: once they are valid, outputs go through `src/runner/output.ts`.
 */
function setOutput(name, value) {
    const file = process.env['GITHUB_OUTPUT'] ?? '';
    if (!file) {
        runnerStdout.write(external_node_os_.EOL);
        issue(`set-output name=${escapeProperty(name)}`, value);
        return;
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, { encoding: 'utf8' });
}
/** Appends to GITHUB_STEP_SUMMARY, as `core.summary.write()` does; nothing outside the runner. */
function appendSummary(html) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file)
        return;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${html}${external_node_os_.EOL}`, { encoding: 'utf8' });
}
/** Why a runner file could not be written, naming its variable and path: one line. */
function runnerFileProblem(variable, error) {
    const why = error instanceof Error ? error.message : String(error);
    return `could not write ${variable} (${process.env[variable] || 'not set'}): ${why}`;
}
// The runner reads one command per line, so the data must not be able to end the line early.
function issue(command, data) {
    runnerStdout.write(`::${command}::${escapeData(data)}${external_node_os_.EOL}`);
}
function escapeData(data) {
    return data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * Where runner lines go: straight to file descriptor 1, as `process.stdout` writes to files and
 * pipes on Linux, but without making Node set up the stream, a measurable part of a bad input's
 * start. A full pipe answers EAGAIN; the rest is written again until it is taken. Tests capture
 * the lines by replacing `write`.
 */
const runnerStdout = {
    write(text) {
        let rest = Buffer.from(text, 'utf8');
        while (rest.length > 0) {
            try {
                rest = rest.subarray((0,external_node_fs_namespaceObject.writeSync)(1, rest));
            }
            catch (error) {
                if (error.code !== 'EAGAIN')
                    throw error;
            }
        }
    }
};
/** The longest line this action hands the runner: a log line, an annotation, a group title. */
const MAX_LINE_LENGTH = 4096;
// C0 and C1 controls (CR, LF, ESC, NEL among them), the Unicode line and paragraph separators, and
// format characters (bidi overrides, zero-width ones) that could hide what a line really says.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
/**
 * Makes any text safe to show the runner: redacted, one line, bounded, and unable to start a
 * workflow command. The runner reads a command from a line that starts with `::` after leading
 * white space, and a legacy `##[command]` anywhere in a line; both are broken up here, so no server
 * answer can issue `::stop-commands::` and switch masking off for the rest of the run.
 */
function runnerLine(text, redact, max = MAX_LINE_LENGTH) {
    // Bounded before anything else, so a 20 MB error message costs no more than a short one.
    const bounded = text.length > max * 2 ? text.slice(0, max * 2) : text;
    const line = redact(redact(bounded).replace(UNPRINTABLE, ' '))
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^::/, ': :')
        .replace(/##\[/g, '# #[');
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/** `core.info(message)`: a plain log line; made one line so that it cannot start a command. */
function info(message) {
    runnerStdout.write(`${runnerLine(message, (text) => text)}${EOL}`);
}
/** `core.getState(name)`: what the main step saved with `core.saveState`, '' when nothing. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}


/***/ }),

/***/ 7819:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   O2: () => (/* binding */ ON_EXISTING),
/* harmony export */   V2: () => (/* binding */ ZOHO_CHECKS),
/* harmony export */   f2: () => (/* binding */ RESOURCE_ID),
/* harmony export */   k7: () => (/* binding */ VERIFY),
/* harmony export */   oZ: () => (/* binding */ CLEANUPS)
/* harmony export */ });
/** The words of the contract that inputs, the plan, the report and the summary share. */
const MODES = ['ensure', 'check', 'create', 'delete'];
const ON_EXISTING = ['repair', 'reuse', 'update', 'fail'];
const VERIFY = ['test', 'explore', 'none'];
const ZOHO_CHECKS = ['token', 'none'];
const CLEANUPS = ['none', 'created'];
/**
 * The shape of a Flow Service resource id (connection and spec ids are UUIDs): inputs are checked
 * against it, and so is every id from an answer before it goes into a URL, a log line or an output.
 */
const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;


/***/ }),

/***/ 2403:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZY: () => (/* binding */ ZOHO_REGIONS),
/* harmony export */   _Q: () => (/* binding */ sameDataCentre),
/* harmony export */   kK: () => (/* binding */ regionOfAccountsHost),
/* harmony export */   p: () => (/* binding */ regionLabel),
/* harmony export */   u4: () => (/* binding */ resolveZohoTarget),
/* harmony export */   uB: () => (/* binding */ regionOfApiHost),
/* harmony export */   vK: () => (/* binding */ describeAccountsServer)
/* harmony export */ });
/* unused harmony export ZOHO_DATA_CENTRES */
/**
 * Zoho's data centres (api-notes.md §4.1). A Zoho account lives in exactly one of them; its accounts
 * server and API domain must both belong to it, or Zoho answers `invalid_client`.
 */
const ZOHO_REGIONS = ['us', 'eu', 'in', 'au', 'cn', 'jp', 'ca', 'sa', 'uk', 'ae'];
function dataCentre(region, label, apiSuffix, accountsHosts) {
    return {
        region,
        label,
        accountsUrl: `https://${accountsHosts[0]}`,
        apiDomain: `https://www.${apiSuffix}`,
        accountsHosts,
        // Production, sandbox and developer-edition API hosts of one data centre.
        apiHosts: [`www.${apiSuffix}`, `sandbox.${apiSuffix}`, `developer.${apiSuffix}`, apiSuffix]
    };
}
const ZOHO_DATA_CENTRES = {
    us: dataCentre('us', 'United States', 'zohoapis.com', ['accounts.zoho.com']),
    eu: dataCentre('eu', 'Europe', 'zohoapis.eu', ['accounts.zoho.eu']),
    in: dataCentre('in', 'India', 'zohoapis.in', ['accounts.zoho.in']),
    au: dataCentre('au', 'Australia', 'zohoapis.com.au', ['accounts.zoho.com.au', 'accounts.zoho.au']),
    cn: dataCentre('cn', 'China', 'zohoapis.com.cn', ['accounts.zoho.com.cn']),
    jp: dataCentre('jp', 'Japan', 'zohoapis.jp', ['accounts.zoho.jp', 'accounts.zohocloud.jp']),
    ca: dataCentre('ca', 'Canada', 'zohoapis.ca', ['accounts.zohocloud.ca']),
    sa: dataCentre('sa', 'Saudi Arabia', 'zohoapis.sa', ['accounts.zoho.sa']),
    uk: dataCentre('uk', 'United Kingdom', 'zohoapis.uk', ['accounts.zoho.uk']),
    ae: dataCentre('ae', 'United Arab Emirates', 'zohoapis.ae', ['accounts.zoho.ae'])
};
/** The data centre a Zoho API host belongs to, or undefined for any other host (an emulator, a gateway). */
function regionOfApiHost(host) {
    const name = host.toLowerCase();
    return ZOHO_REGIONS.find((region) => ZOHO_DATA_CENTRES[region].apiHosts.includes(name));
}
function regionOfAccountsHost(host) {
    const name = host.toLowerCase();
    return ZOHO_REGIONS.find((region) => ZOHO_DATA_CENTRES[region].accountsHosts.includes(name));
}
/**
 * Resolves `zoho-endpoint`, `zoho-region` and `zoho-accounts-url` to one consistent pair.
 * Explicit URLs win over derived ones; URLs on hosts that are not Zoho's (an emulator, a
 * gateway) cannot contradict a region. Returns the problems found, naming the inputs.
 */
function resolveZohoTarget(inputs) {
    const endpointRegion = inputs.endpoint ? regionOfApiHost(new URL(inputs.endpoint).hostname) : undefined;
    const accountsRegion = inputs.accountsUrl ? regionOfAccountsHost(new URL(inputs.accountsUrl).hostname) : undefined;
    const problems = [];
    if (!inputs.endpoint && !inputs.region) {
        problems.push('zoho-endpoint is required unless zoho-region is given: set zoho-region (one of ' +
            `${ZOHO_REGIONS.join(', ')}) or zoho-endpoint (e.g. https://www.zohoapis.eu)`);
    }
    if (inputs.region && endpointRegion && endpointRegion !== inputs.region) {
        problems.push(`zoho-endpoint is in Zoho's ${regionLabel(endpointRegion)} data centre but zoho-region is ` +
            `${inputs.region}: use ${ZOHO_DATA_CENTRES[inputs.region].apiDomain} or set zoho-region: ${endpointRegion}`);
    }
    if (inputs.region && accountsRegion && accountsRegion !== inputs.region) {
        problems.push(`zoho-accounts-url is in Zoho's ${regionLabel(accountsRegion)} data centre but zoho-region is ` +
            `${inputs.region}: use ${ZOHO_DATA_CENTRES[inputs.region].accountsUrl} or leave zoho-accounts-url empty`);
    }
    if (!inputs.region && endpointRegion && accountsRegion && endpointRegion !== accountsRegion) {
        problems.push(`zoho-accounts-url is in Zoho's ${regionLabel(accountsRegion)} data centre but zoho-endpoint is ` +
            `in ${regionLabel(endpointRegion)}: an account lives in one data centre, use ` +
            `${ZOHO_DATA_CENTRES[endpointRegion].accountsUrl} or leave zoho-accounts-url empty`);
    }
    const region = inputs.region ?? endpointRegion ?? accountsRegion;
    const apiDomain = inputs.endpoint ?? (region ? ZOHO_DATA_CENTRES[region].apiDomain : undefined);
    const accountsUrl = inputs.accountsUrl ?? (region ? ZOHO_DATA_CENTRES[region].accountsUrl : undefined);
    if (inputs.endpoint && !accountsUrl) {
        problems.push('zoho-accounts-url is required when zoho-endpoint is not a Zoho API domain (the data ' +
            'centre cannot be derived from it): set zoho-accounts-url or zoho-region');
    }
    if (problems.length > 0 || !apiDomain || !accountsUrl)
        return { ok: false, problems };
    return { ok: true, target: { region, apiDomain, accountsUrl } };
}
/** True when Zoho's `api_domain` answer belongs to the same data centre as the endpoint in use. */
function sameDataCentre(endpoint, apiDomain) {
    const a = new URL(endpoint);
    const b = new URL(apiDomain);
    const regionA = regionOfApiHost(a.hostname);
    const regionB = regionOfApiHost(b.hostname);
    if (regionA && regionB)
        return regionA === regionB;
    return a.origin === b.origin;
}
function regionLabel(region) {
    return `${ZOHO_DATA_CENTRES[region].label} (${region})`;
}
/** The data centre of an accounts server as users know it: "Europe (eu), https://accounts.zoho.eu". */
function describeAccountsServer(accountsUrl) {
    const region = regionOfAccountsHost(new URL(accountsUrl).hostname);
    return region ? `${regionLabel(region)}, ${accountsUrl}` : accountsUrl;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map