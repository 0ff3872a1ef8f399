// Wire-level checks the Java tests run: what a WAMP library would never send, next to real autobahn sessions.
// Usage: node wire-client.js SCENARIO --url wss://... --ca FILE [options]
//   offer       --protocols a,b        handshake offering only these subprotocols; reports the HTTP refusal
//   oversized   --size N               one session sends an N-byte PUBLISH; another session must be unaffected
//   fuzz        --messages N --seed S  bad frames from raw sessions while autobahn sessions do pub/sub and RPC
//   backpressure --events N --bytes B a paused subscriber while a publisher blasts to it and a fast subscriber
// Prints one JSON line with what it saw and exits 0, or prints {"error": ...} and exits 1.
'use strict';
const fs = require('fs');
const { RawSession, TYPES } = require('./raw-session');
const { autobahnWith } = require('./autobahn-session');
const { sleep } = require('./interop-common');

const args = parseArgs(process.argv.slice(2));
const tlsOptions = args.ca ? { ca: fs.readFileSync(args.ca) } : {};
const { join } = autobahnWith(tlsOptions);
const TIMEOUT_MS = Number(args.timeout || 60000);
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

function within(promise, ms, onTimeout) {
    return Promise.race([promise, sleep(ms).then(() => onTimeout)]);
}

const scenarios = {};

scenarios.offer = async () => {
    try {
        const session = await RawSession.open(args.url, tlsOptions, args.protocols.split(','));
        session.close();
        return { status: 101, protocol: session.ws.protocol };
    } catch (refused) {
        return refused;
    }
};

scenarios.oversized = async () => {
    const big = await RawSession.open(args.url, tlsOptions);
    const other = await RawSession.open(args.url, tlsOptions);
    await big.hello();
    await other.hello();
    big.send([16, 1, {}, 'com.big', ['x'.repeat(Number(args.size))]]);
    big.send([32, 2, {}, 'com.big']);
    // answered in order: SUBSCRIBED means the big message was taken
    const closed = await within(Promise.race([big.closed, big.next((m) => m[0] === 33).then((m) => m && { code: 'still open' })]),
        5000, { code: 'no answer' });
    other.send([32, 1, {}, 'com.other']);
    const reply = await within(other.next((m) => m[0] === 33 && m[1] === 1), 5000, null);
    other.close();
    return { bigClosed: closed, otherSubscribed: Boolean(reply) };
};

// Well-behaved traffic: publish (acknowledged) and call in turns until stopped; any gap is a disturbance.
async function steadyTraffic(url, stop) {
    const disturbances = [];
    const callee = await join(url);
    const caller = await join(url);
    for (const c of [callee, caller]) {
        c.connection.onclose = (reason) => {
            if (!stop.done) disturbances.push('autobahn connection closed: ' + reason);
            return true;
        };
    }
    let expected = 0;
    await callee.session.subscribe('com.steady.topic', ([n]) => {
        if (n !== expected) disturbances.push('event ' + n + ' where ' + expected + ' was expected');
        expected = n + 1;
    });
    await callee.session.register('com.steady.echo', ([n], kw) => ({ n, kw }));
    let rounds = 0;
    while (!stop.done) {
        try {
            await caller.session.publish('com.steady.topic', [rounds], {}, { acknowledge: true });
            const result = await caller.session.call('com.steady.echo', [rounds], { k: 'ü' });
            if (result.n !== rounds || result.kw.k !== 'ü') disturbances.push('call ' + rounds + ' got ' + JSON.stringify(result));
        } catch (e) {
            disturbances.push('round ' + rounds + ': ' + JSON.stringify(e));
        }
        rounds++;
    }
    await sleep(200);
    if (expected !== rounds) disturbances.push('received events up to ' + expected + ' of ' + rounds);
    callee.connection.close();
    caller.connection.close();
    return { rounds, disturbances };
}

// A seeded PRNG, so a failing run can be replayed with --seed.
function random(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function badFrames(rnd) {
    const pick = (list) => list[Math.floor(rnd() * list.length)];
    const id = () => pick([1, 2, 1 + Math.floor(rnd() * 1000), 2 ** 53, 2 ** 53 + 2, 2 ** 64, -1, 0, 1e300, 1.5]);
    const weird = () => pick([null, 'text', -7, 3.25, 2 ** 64, true, [], {}, [1, [2]], { a: { b: 1 } }, '']);
    const templates = [
        () => [1, 'realm1', { roles: { subscriber: {} } }],
        () => [2, id(), {}],
        () => [3, {}, 'wamp.error.no_such_realm'],
        () => [5, 'sig', {}],
        () => [6, {}, 'wamp.close.normal'],
        () => [8, pick([16, 32, 48, 68, 99]), id(), {}, 'com.fuzz.error', [1], {}],
        () => [16, id(), { acknowledge: pick([true, 'yes', 1]) }, 'com.fuzz.topic', [1], { a: 1 }],
        () => [32, id(), { match: pick(['exact', 'prefix', 'wildcard', 'bogus', 7]) }, 'com.fuzz.topic'],
        () => [34, id(), id()],
        () => [36, id(), id(), {}, [1]],
        () => [48, id(), {}, 'com.fuzz.procedure', [1], {}],
        () => [49, id(), { mode: pick(['kill', 'skip', 'nonsense']) }],
        () => [64, id(), { invoke: pick(['single', 'roundrobin', 'sometimes']) }, 'com.fuzz.procedure'],
        () => [66, id(), id()],
        () => [70, id(), {}, [1]],
        () => [pick([7, 9, 15, 31, 71, 255, 1024, -1]), id(), {}],
    ];
    const mutations = [
        (m) => m.slice(0, Math.max(1, Math.floor(rnd() * m.length))),  // missing elements
        (m) => { const c = m.slice(); c[1 + Math.floor(rnd() * (c.length - 1))] = weird(); return c; },  // wrong type
        (m) => { const c = m.slice(); c[1] = id(); return c; },  // huge or invalid id
        (m) => m.concat([weird(), weird()]),  // extra elements
        (m) => { const c = m.slice(); c[0] = pick([String(c[0]), c[0] + 0.5, null, [c[0]]]); return c; },  // bad code
        (m) => m,  // the template as it is (often out of order for a client)
    ];
    const encodings = [
        (m) => ({ text: JSON.stringify(m) }),
        (m) => ({ text: JSON.stringify(m) }),
        (m) => ({ text: JSON.stringify(m) }),
        (m) => { const t = JSON.stringify(m); return { text: t.slice(0, Math.floor(rnd() * t.length)) }; },  // truncated
        () => ({ text: pick(['', '{}', '"HELLO"', '42', '[]', '[1,', 'null', '\u0000\u0001', '[16,1,{},"a"]]']) }),
        (m) => ({ binary: Buffer.from(JSON.stringify(m)) }),  // a binary frame on a JSON session
    ];
    return () => pick(encodings)(pick(mutations)(pick(templates)()));
}

// What a protocol_violation message must name for this frame: its message type when it has a known one.
function expectedNaming(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        return ['wamp.2.json'];
    }
    if (Array.isArray(parsed) && Number.isInteger(parsed[0]) && TYPES[parsed[0]]) return [TYPES[parsed[0]]];
    return ['message type', 'list', 'wamp.2.json'];
}

// One fuzzing worker: sends `count` bad frames, each on a joined raw session, opening a new one when it ends.
async function fuzzer(url, count, next, outcome) {
    let session = null;
    let sentinel = 2 ** 50;
    let sent = 0;
    try {
        while (sent++ < count) {
            if (!session) {
                session = await RawSession.open(url, tlsOptions);
                await session.hello();
                outcome.sessions++;
            }
            const frame = next();
            if (frame.binary) session.ws.send(frame.binary, { binary: true });
            else session.send(frame.text);
            outcome.sent++;
            // processed in order: a reply to this SUBSCRIBE means the bad frame was survived
            const probe = ++sentinel;
            session.send([32, probe, {}, 'com.fuzz.sentinel']);
            const reply = await within(session.next((m) => m[0] === 3 || m[0] === 6
                || ((m[0] === 33 || m[0] === 8) && (m[1] === probe || m[2] === probe))), 5000, 'hang');
            const what = frame.binary ? 'binary frame' : frame.text;
            if (reply === 'hang') {
                outcome.violations.push({ frame: what, problem: 'no answer within 5 s' });
            } else if (reply === null) {
                outcome.closed++;
                // a binary frame on a JSON session, or the client's own ABORT, may just close
                if (!frame.binary && !/^\[3\b/.test(frame.text)) outcome.violations.push({ frame: what, problem: 'closed without ABORT', close: await session.closed });
            } else if (reply[0] === 3) {
                outcome.aborted++;
                const message = String(reply[1] && reply[1].message);
                const naming = expectedNaming(frame.text);
                if (reply[2] !== 'wamp.error.protocol_violation' || !naming.some((n) => message.includes(n))) {
                    outcome.violations.push({ frame: what, problem: 'ABORT should name one of ' + naming, abort: reply });
                }
                if ((await within(session.closed, 3000, 'open')) === 'open') {
                    outcome.violations.push({ frame: what, problem: 'still open after ABORT' });
                }
            } else if (reply[0] === 6) {
                outcome.closed++;
            } else {
                outcome.tolerated++;
                continue;
            }
            session.close();
            session = null;
        }
    } finally {
        if (session) session.close();
    }
}

scenarios.fuzz = async () => {
    const seed = Number(args.seed || Date.now() % 100000);
    const stop = { done: false };
    const started = Date.now();
    const steady = steadyTraffic(args.url, stop);
    await sleep(300);
    const next = badFrames(random(seed));
    const fuzz = { sent: 0, sessions: 0, aborted: 0, closed: 0, tolerated: 0, violations: [] };
    const workers = 4;
    const perWorker = Math.ceil(Number(args.messages || 300) / workers);
    try {
        await Promise.all(Array.from({ length: workers }, () => fuzzer(args.url, perWorker, next, fuzz)));
    } finally {
        stop.done = true;
    }
    return { seed, millis: Date.now() - started, fuzz, steady: await steady };
};

scenarios.backpressure = async () => {
    const topic = 'com.bp.topic';
    const events = Number(args.events || 6000);
    const text = 'x'.repeat(Number(args.bytes || 8192));
    const publisher = await join(args.url);
    const fast = await join(args.url);
    let fastReceived = 0;
    let onCount = () => {};
    await fast.session.subscribe(topic, () => {
        fastReceived++;
        onCount();
    });

    // Publishes `events` events, pacing on an acknowledged publish every 200, and waits for the fast subscriber.
    async function blast() {
        const target = fastReceived + events;
        const started = process.hrtime.bigint();
        for (let i = 0; i < events; i++) {
            const acknowledge = i % 200 === 199;
            const published = publisher.session.publish(topic, [i, text], {}, { acknowledge });
            if (acknowledge) await published;
        }
        await within(new Promise((resolve) => {
            onCount = () => fastReceived >= target && resolve();
            onCount();
        }), 30000, null);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        return { delivered: events - (target - fastReceived), eventsPerSecond: Math.round(events / seconds) };
    }

    const alone = await blast();

    const slow = await RawSession.open(args.url, tlsOptions);
    await slow.hello();
    slow.send([32, 1, {}, topic]);
    await slow.next((m) => m[0] === 33);
    slow.ws._socket.pause();
    const withSlow = await blast();

    slow.ws._socket.resume();
    const slowClose = await within(slow.closed, 10000, 'still open');
    const slowReceived = slow.received.filter((m) => m[0] === 36).length;
    publisher.connection.close();
    fast.connection.close();
    return { events, alone, withSlow, slowReceived, slowClose };
};

if (!scenarios[args.scenario]) fail('unknown scenario ' + args.scenario);
scenarios[args.scenario]().then((result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}, fail);
