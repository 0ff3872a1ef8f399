// Real WAMP clients (npm autobahn and wampy over the ws package) for the authentication and Advanced Profile
// integration tests (io.wamptls.node.AuthIntegrationTest).
// Usage: node auth-client.js logins  --ca FILE --attempts JSON
//        node auth-client.js profile --ca FILE --url URL --cert FILE --key FILE
// Prints one JSON line and exits 0, or prints {"error": ...} and exits 1.
'use strict';
const fs = require('fs');
const WS = require('ws');

const args = parseArgs(process.argv.slice(2));
const ca = args.ca ? fs.readFileSync(args.ca) : undefined;

// A ws-based WebSocket class with this CA and (optionally) this client certificate: autobahn 26 wants a global
// WebSocket (Node 22+), wampy takes the class as an option (see interop-notes.md).
function webSocketClass(cert, key) {
    const tls = { ca };
    if (cert) {
        tls.cert = fs.readFileSync(cert);
        tls.key = fs.readFileSync(key);
    }
    return class extends WS {
        constructor(url, protocols) {
            super(url, protocols, tls);
        }
    };
}

globalThis.WebSocket = webSocketClass(args.cert, args.key);
const autobahn = require('autobahn');

const TIMEOUT_MS = Number(args.timeout || 40000);
setTimeout(() => fail('timeout after ' + TIMEOUT_MS + ' ms'), TIMEOUT_MS).unref();

function parseArgs(argv) {
    const out = { scenario: argv[0] };
    for (let i = 1; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
    return out;
}

function fail(error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.stack || JSON.stringify(error)) }) + '\n');
    process.exit(1);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves with the value once predicate() is truthy, or rejects after ms.
async function until(what, predicate, ms = 5000) {
    const end = Date.now() + ms;
    for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > end) throw new Error('timed out waiting for ' + what);
        await sleep(10);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// autobahn

function answerChallenge(secret) {
    return (session, method, extra) => {
        if (method === 'ticket') return secret;
        if (method === 'wampcra') {
            const key = extra.salt
                ? autobahn.auth_cra.derive_key(secret, extra.salt, extra.iterations, extra.keylen)
                : secret;
            return autobahn.auth_cra.sign(key, extra.challenge);
        }
        throw new Error('unexpected challenge ' + method);
    };
}

// Opens an autobahn session; resolves with {connection, session, details}, rejects with {reason, message}.
function join(url, options = {}) {
    return new Promise((resolve, reject) => {
        const connection = new autobahn.Connection({
            url,
            realm: 'realm1',
            max_retries: 0,
            retry_if_unreachable: false,
            authmethods: options.authmethods,
            authid: options.authid,
            onchallenge: options.secret !== undefined ? answerChallenge(options.secret) : undefined,
        });
        let opened = false;
        connection.onopen = (session, details) => {
            opened = true;
            resolve({ connection, session, details });
        };
        connection.onclose = (reason, details) => {
            if (!opened) reject({ reason: details && details.reason || reason, message: details && details.message });
            else if (options.onclose) options.onclose(reason, details);
            return true; // no reconnect
        };
        connection.open();
    });
}

function identity(details) {
    return { authid: details.authid, authrole: details.authrole, authmethod: details.authmethod,
             authprovider: details.authprovider };
}

// ---------------------------------------------------------------------------------------------------------------
// logins: every attempt with a fresh connection, as autobahn, wampy or a bare TLS WebSocket

const loginAs = {
    async autobahn(attempt) {
        globalThis.WebSocket = webSocketClass(attempt.cert, attempt.key);
        try {
            const opened = await join(attempt.url, attempt);
            opened.connection.close();
            return { joined: true, ...identity(opened.details) };
        } catch (refused) {
            return { joined: false, reason: refused.reason, message: refused.message };
        }
    },

    async wampy(attempt) {
        const { Wampy } = await import('wampy');
        const { sign } = await import('wampy/wampcra.js');
        const wampy = new Wampy(attempt.url, {
            realm: 'realm1',
            ws: webSocketClass(attempt.cert, attempt.key),
            autoReconnect: false,
            // wampy will not connect without an authid; tls ignores HELLO's authid
            authid: attempt.authid || 'tls-client',
            authmethods: attempt.authmethods,
            authMode: 'manual',
            onChallenge: (method, extra) => method === 'ticket' ? attempt.secret : sign(attempt.secret)(method, extra),
        });
        try {
            const details = await wampy.connect();
            await wampy.disconnect();
            return { joined: true, ...identity(details) };
        } catch (e) {
            return { joined: false, reason: e.errorUri, message: e.details && e.details.message };
        }
    },

    // A bare WebSocket: does the TLS handshake (and with it the client certificate) pass?
    raw(attempt) {
        return new Promise((resolve) => {
            const Socket = webSocketClass(attempt.cert, attempt.key);
            const ws = new Socket(attempt.url, ['wamp.2.json']);
            ws.on('open', () => {
                ws.close();
                resolve({ opened: true });
            });
            ws.on('error', (e) => resolve({ opened: false, error: String(e.code || e.message) }));
        });
    },
};

async function logins() {
    const results = [];
    for (const attempt of JSON.parse(args.attempts)) {
        results.push({ name: attempt.name, ...await loginAs[attempt.client || 'autobahn'](attempt) });
    }
    return { results };
}

// ---------------------------------------------------------------------------------------------------------------
// A bare WAMP session over JSON, to send what autobahn will not (CANCEL skip / killnowait, INTERRUPT handling).

class RawSession {
    static open(url, roles) {
        return new Promise((resolve, reject) => {
            const raw = new RawSession();
            raw.received = [];
            raw.ws = new globalThis.WebSocket(url, ['wamp.2.json']);
            raw.ws.on('open', () => raw.send([1, 'realm1', { roles, authmethods: ['tls'] }]));
            raw.ws.on('message', (data) => {
                const message = JSON.parse(data.toString());
                raw.received.push(message);
                if (message[0] === 2) resolve(raw);
                if (message[0] === 3) reject(new Error('ABORT ' + JSON.stringify(message)));
            });
            raw.ws.on('error', reject);
        });
    }

    send(message) {
        this.ws.send(JSON.stringify(message));
    }

    // The first message of this type (and request id, when given; for ERROR the request it answers).
    next(type, request, ms) {
        return until('message type ' + type, () => this.received.find((m) =>
            m[0] === type && (request === undefined || m[1] === request || (m[0] === 8 && m[2] === request))), ms);
    }

    close() {
        this.ws.close();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// profile: the Advanced Profile features and the meta API, across autobahn, wampy and bare sessions

async function progressive(url) {
    const callee = await join(url, { authmethods: ['tls'] });
    const caller = await join(url, { authmethods: ['tls'] });
    await callee.session.register('com.example.progress', (a, kw, details) => {
        if (details.progress) {
            details.progress([1]);
            details.progress([2]);
        }
        return 3;
    });
    const progress = [];
    const final = await caller.session.call('com.example.progress', [], {}, { receive_progress: true })
        .then((result) => result, null, (update) => progress.push(update.args ? update.args[0] : update));
    callee.connection.close();
    caller.connection.close();
    return { progress, final };
}

async function cancel(url) {
    const calleeRoles = { callee: { features: { call_canceling: true } } };
    const callee = await RawSession.open(url, calleeRoles);
    const caller = await RawSession.open(url, { caller: { features: { call_canceling: true } } });
    callee.send([64, 1, {}, 'com.example.slow']);
    const registration = (await callee.next(65, 1))[2];
    const outcome = {};
    const invocations = {};
    let request = 100;
    for (const mode of ['skip', 'kill', 'killnowait']) {
        request += 1;
        const seen = callee.received.length;
        caller.send([48, request, {}, 'com.example.slow', [mode]]);
        const invocation = await until('INVOCATION for ' + mode, () =>
            callee.received.slice(seen).find((m) => m[0] === 68 && m[4] && m[4][0] === mode));
        caller.send([49, request, { mode }]);
        const interrupted = () => callee.received.slice(seen).find((m) => m[0] === 69 && m[1] === invocation[1]);
        if (mode === 'kill') {
            // kill waits for the callee's answer to the INTERRUPT
            await until('INTERRUPT', interrupted);
            callee.send([8, 68, invocation[1], {}, 'wamp.error.canceled']);
        }
        const error = await caller.next(8, request);
        await sleep(100);
        const interrupt = interrupted();
        outcome[mode] = { error: error[4], interrupt: interrupt ? interrupt[2] : null, registration: invocation[2] === registration };
        invocations[mode] = invocation[1];
    }
    // The callee answers the skipped and killnowait calls late: those answers must not reach the caller.
    callee.send([70, invocations.skip, {}, ['late']]);
    callee.send([70, invocations.killnowait, {}, ['late']]);
    await sleep(200);
    outcome.lateResults = caller.received.filter((m) => m[0] === 50).length;
    callee.close();
    caller.close();
    return outcome;
}

// wampy logs in with tls only given an authid and a challenge handler, though tls never challenges.
function wampyOverTls(Wampy, url) {
    return new Wampy(url, { realm: 'realm1', ws: globalThis.WebSocket, autoReconnect: false, authid: 'client_0',
                            authmethods: ['tls'], authMode: 'manual', onChallenge: () => { throw new Error('no'); } });
}

async function roundRobin(url) {
    const { Wampy } = await import('wampy');
    const a = await join(url, { authmethods: ['tls'] });
    const b = await join(url, { authmethods: ['tls'] });
    const c = wampyOverTls(Wampy, url);
    await c.connect();
    await a.session.register('com.example.rr', () => 'a', { invoke: 'roundrobin' });
    await b.session.register('com.example.rr', () => 'b', { invoke: 'roundrobin' });
    await c.register('com.example.rr', () => ({ argsList: ['c'] }), { invoke: 'roundrobin' });
    const calls = [];
    for (let i = 0; i < 6; i++) {
        calls.push(await a.session.call('com.example.rr'));
    }
    a.connection.close();
    b.connection.close();
    await c.disconnect();
    return calls;
}

async function patterns(url) {
    const { Wampy } = await import('wampy');
    const subscriber = await join(url, { authmethods: ['tls'] });
    const publisher = await join(url, { authmethods: ['tls'] });
    const wampy = wampyOverTls(Wampy, url);
    await wampy.connect();
    const autobahnEvents = [];
    const wampyEvents = [];
    await subscriber.session.subscribe('com.example.pattern', (a, kw, details) =>
        autobahnEvents.push(['prefix', details.topic]), { match: 'prefix' });
    await subscriber.session.subscribe('com.example..wild', (a, kw, details) =>
        autobahnEvents.push(['wildcard', details.topic]), { match: 'wildcard' });
    await wampy.subscribe('com.example.pattern', (event) => wampyEvents.push(['prefix', event.details.topic]),
        { match: 'prefix' });
    for (const topic of ['com.example.pattern.a.b', 'com.example.x.wild', 'com.example.other']) {
        await publisher.session.publish(topic, [], {}, { acknowledge: true });
    }
    await until('pattern events', () => autobahnEvents.length >= 2 && wampyEvents.length >= 1);
    await sleep(100);
    subscriber.connection.close();
    publisher.connection.close();
    await wampy.disconnect();
    return { autobahn: autobahnEvents, wampy: wampyEvents };
}

async function receiverFilters(url) {
    const { Wampy } = await import('wampy');
    const sessions = {};
    const events = { a: [], b: [], c: [], publisher: [] };
    for (const name of ['a', 'b', 'publisher']) {
        sessions[name] = await join(url, { authmethods: ['tls'] });
        await sessions[name].session.subscribe('com.example.filter', (a) => events[name].push(a[0]));
    }
    const c = wampyOverTls(Wampy, url);
    await c.connect();
    await c.subscribe('com.example.filter', (event) => events.c.push(event.argsList[0]));
    const id = (name) => name === 'c' ? c.getSessionId() : sessions[name].session.id;
    const publish = (n, options) =>
        sessions.publisher.session.publish('com.example.filter', [n], {}, { acknowledge: true, ...options });
    await publish(1, { eligible: [id('a'), id('b'), id('c')], exclude: [id('b')] });
    await publish(2, { exclude: [id('a')], exclude_me: false });
    await publish(3, { eligible_authid: ['nobody'] });
    await publish(4, {}); // everyone but the publisher: marks the end
    await until('the last event', () => ['a', 'b', 'c'].every((name) => events[name].includes(4)));
    for (const name of ['a', 'b', 'publisher']) sessions[name].connection.close();
    await c.disconnect();
    return events;
}

async function metaApi(url) {
    const observer = await join(url, { authmethods: ['tls'] });
    const events = [];
    for (const topic of ['wamp.session.on_join', 'wamp.session.on_leave', 'wamp.subscription.on_create',
        'wamp.subscription.on_subscribe', 'wamp.registration.on_register']) {
        await observer.session.subscribe(topic, (a) => events.push({ topic, args: a }));
    }
    let killedWith;
    const anonymous = await join(url, { authmethods: ['anonymous'],
                                        onclose: (reason, details) => { killedWith = details.reason; } });
    const id = anonymous.session.id;
    await anonymous.session.subscribe('com.example.meta', () => {});
    await anonymous.session.register('com.example.meta.proc', () => 1);
    const call = (procedure, a, kw) => observer.session.call(procedure, a, kw);
    const result = {
        count: await call('wamp.session.count'),
        list: await call('wamp.session.list'),
        get: await call('wamp.session.get', [id]),
        subscriptionLookup: await call('wamp.subscription.lookup', ['com.example.meta']),
        subscriptionMatch: await call('wamp.subscription.match', ['com.example.meta']),
        registrationLookup: await call('wamp.registration.lookup', ['com.example.meta.proc']),
    };
    result.subscribers = await call('wamp.subscription.list_subscribers', [result.subscriptionLookup]);
    result.callees = await call('wamp.registration.list_callees', [result.registrationLookup]);
    try {
        await anonymous.session.call('wamp.session.kill', [observer.session.id]);
        result.anonymousKill = 'allowed';
    } catch (e) {
        result.anonymousKill = e.error;
    }
    await call('wamp.session.kill', [id], { reason: 'com.example.go_away', message: 'bye' });
    await until('the kill', () => killedWith);
    result.killedWith = killedWith;
    await until('on_leave', () => events.some((e) => e.topic === 'wamp.session.on_leave' && e.args[0] === id));
    result.events = events.filter((e) => e.topic === 'wamp.session.on_leave' ? e.args[0] === id
        : e.topic === 'wamp.session.on_join' ? e.args[0].session === id : e.args[0] === id);
    result.session = id;
    result.observer = observer.session.id;
    observer.connection.close();
    return result;
}

async function profile() {
    const url = args.url;
    return {
        progressive: await progressive(url),
        cancel: await cancel(url),
        roundRobin: await roundRobin(url),
        patterns: await patterns(url),
        filters: await receiverFilters(url),
        meta: await metaApi(url),
    };
}

const scenarios = { logins, profile };
const scenario = scenarios[args.scenario];
if (!scenario) fail('unknown scenario ' + args.scenario);
scenario().then((result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}, fail);
