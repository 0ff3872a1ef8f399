// A real WAMP client (npm autobahn over the ws package) that the Java integration tests run.
// Usage: node wamp-client.js SCENARIO --url wss://... [--ca FILE] [--cert FILE --key FILE]
//                                     [--realm NAME] [--serializer json|msgpack|cbor]
// Prints one JSON line with what it saw and exits 0, or prints {"error": ...} and exits 1.
'use strict';
const fs = require('fs');
const WS = require('ws');

const args = parseArgs(process.argv.slice(2));
const tlsOptions = {};
if (args.ca) tlsOptions.ca = fs.readFileSync(args.ca);
if (args.cert) tlsOptions.cert = fs.readFileSync(args.cert);
if (args.key) tlsOptions.key = fs.readFileSync(args.key);

// autobahn 26 uses the runtime's global WebSocket (Node 22+), which cannot take a CA or a client
// certificate; on Node 20 hand it one built on the ws package.
// Its msgpack5 serializer yields a BufferList, which the browser API accepts but ws does not: flatten it.
globalThis.WebSocket = class extends WS {
    constructor(url, protocols) {
        super(url, protocols, tlsOptions);
    }

    send(data, ...rest) {
        const flat = data && typeof data === 'object' && !ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer)
            && typeof data.slice === 'function' ? data.slice() : data;
        super.send(flat, ...rest);
    }
};
const autobahn = require('autobahn');
const { payload, same, Steps, sleep, nextOf, inbox } = require('./interop-common');

const TIMEOUT_MS = Number(args.timeout || 15000);
setTimeout(() => fail('timeout after ' + TIMEOUT_MS + ' ms'), TIMEOUT_MS).unref();

function parseArgs(argv) {
    const out = { scenario: argv[0] };
    for (let i = 1; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
    return out;
}

function done(result) {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}

function fail(error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.stack || error) }) + '\n');
    process.exit(1);
}

function serializers() {
    switch (args.serializer || 'json') {
        case 'json': return [new autobahn.serializer.JSONSerializer()];
        case 'msgpack': return [new autobahn.serializer.MsgpackSerializer()];
        case 'cbor': return [new autobahn.serializer.CBORSerializer()];
        default: throw new Error('unknown serializer ' + args.serializer);
    }
}

// Opens a session; resolves with {session, details}, rejects with the close reason.
function join(realm) {
    return new Promise((resolve, reject) => {
        const connection = new autobahn.Connection({
            url: args.url,
            realm: realm || args.realm || 'realm1',
            serializers: serializers(),
            max_retries: 0,
            retry_if_unreachable: false,
            authmethods: args.authmethods ? args.authmethods.split(',') : undefined,
        });
        let opened = false;
        connection.onopen = (session, details) => {
            opened = true;
            resolve({ connection, session, details });
        };
        connection.onclose = (reason, details) => {
            if (!opened) reject({ reason, details });
            return true; // no reconnect
        };
        connection.open();
    });
}

function welcomeOf(opened) {
    const d = opened.details;
    return { session: opened.session.id, realm: d.realm, authid: d.authid, authrole: d.authrole,
             authmethod: d.authmethod, authprovider: d.authprovider, roles: d.roles,
             protocol: opened.connection.transport && opened.connection.transport.info.protocol };
}

const scenarios = {
    // Join, report WELCOME, leave.
    async join() {
        const opened = await join();
        const welcome = welcomeOf(opened);
        opened.connection.close();
        return { welcome };
    },

    // Expect the join to be refused; report why.
    async refused() {
        try {
            const opened = await join();
            opened.connection.close();
            return { joined: true };
        } catch (closed) {
            const details = closed.details || {};
            return { joined: false, reason: details.reason || closed.reason, message: details.message };
        }
    },

    // Session A subscribes, session B publishes (acknowledged); report the event A received.
    async pubsub() {
        const topic = args.topic || 'com.example.topic';
        const a = await join();
        const b = await join();
        let onEvent;
        const received = new Promise((resolve) => { onEvent = resolve; });
        await a.session.subscribe(topic, (eventArgs, kwargs, details) =>
            onEvent({ args: eventArgs, kwargs, topic: details.topic, publisher: details.publisher }));
        const subscribed = a.session.subscriptions.length;
        const published = await b.session.publish(topic, [1, 'two', { three: 3 }], { x: 3, y: [true, null] },
            { acknowledge: true });
        const event = await received;
        a.connection.close();
        b.connection.close();
        return { subscribed, published: Boolean(published && published.id), event };
    },

    // Session A registers com.example.add, session B calls it.
    async rpc() {
        const a = await join();
        const b = await join();
        await a.session.register('com.example.add', (callArgs) => callArgs[0] + callArgs[1]);
        const result = await b.session.call('com.example.add', [2, 3]);
        let missing;
        try {
            await b.session.call('com.example.nope', []);
        } catch (e) {
            missing = e.error;
        }
        a.connection.close();
        b.connection.close();
        return { result, missing };
    },
};

// The interop suite: two sessions through the whole Basic Profile; reports {steps: {name: {ok, detail}}}.
scenarios.interop = async () => {
    const log = new Steps();
    const sent = payload(args.serializer || 'json');
    const topic = 'com.interop.topic';
    const a = await join();
    const b = await join();
    const ids = [a.session.id, b.session.id];
    log.check('join', ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 2 ** 53) && ids[0] !== ids[1], ids);

    const eventsA = inbox();
    const eventsB = inbox();
    const subA = await a.session.subscribe(topic, (x, kw) => eventsA.push({ args: x, kwargs: kw }));
    const subB = await b.session.subscribe(topic, (x, kw) => eventsB.push({ args: x, kwargs: kw }));
    log.check('subscribe', subA.id === subB.id, [subA.id, subB.id]);

    let toA = nextOf(eventsA, 3000);
    const ack = await b.session.publish(topic, sent.args, sent.kwargs, { acknowledge: true });
    const eventA = await toA;
    await sleep(150);
    log.check('publish_acknowledged', ack && Number.isInteger(ack.id) && same(eventA, sent) && eventsB.length === 0,
        { ack: ack && ack.id, eventA, eventsB: eventsB.length });

    toA = nextOf(eventsA, 3000);
    const unacknowledged = b.session.publish(topic, ['plain'], {});
    log.check('publish_unacknowledged', unacknowledged === undefined && same(await toA, { args: ['plain'], kwargs: {} }),
        eventsA[eventsA.length - 1]);

    toA = nextOf(eventsA, 3000);
    const toB = nextOf(eventsB, 3000);
    await a.session.publish(topic, ['mine'], { k: 1 }, { acknowledge: true, exclude_me: false });
    const both = [await toA, await toB];
    log.check('exclude_me_false', both.every((e) => same(e, { args: ['mine'], kwargs: { k: 1 } })), both);

    await a.session.register('com.interop.echo', (x, kw) => new autobahn.Result(x, kw));
    const result = await b.session.call('com.interop.echo', sent.args, sent.kwargs);
    log.check('call', same({ args: result.args, kwargs: result.kwargs }, sent), result);

    await a.session.register('com.interop.fail', () => {
        throw new autobahn.Error('com.interop.error.custom', ['bad', 2 ** 53], { why: 'ü', nested: { n: [1] } });
    });
    const failure = await b.session.call('com.interop.fail', []).then(() => null, (e) => e);
    log.check('callee_error', failure && failure.error === 'com.interop.error.custom'
        && same(failure.args, ['bad', 2 ** 53]) && same(failure.kwargs, { why: 'ü', nested: { n: [1] } }), failure);

    const missing = await b.session.call('com.interop.nope', []).then(() => null, (e) => e);
    log.check('missing_procedure', missing && missing.error === 'wamp.error.no_such_procedure', missing);

    await a.session.unsubscribe(subA);
    await b.session.publish(topic, ['after'], {}, { acknowledge: true });
    await sleep(200);
    log.check('unsubscribe', !eventsA.some((e) => e.args[0] === 'after'), eventsA.length);

    const registration = a.session.registrations.find((r) => r.procedure === 'com.interop.echo');
    await a.session.unregister(registration);
    const gone = await b.session.call('com.interop.echo', []).then(() => null, (e) => e);
    log.check('unregister', gone && gone.error === 'wamp.error.no_such_procedure', gone);

    log.check('leave', (await leave(a)) && (await leave(b)), 'GOODBYE answered');
    return log;
};

// Leaves with GOODBYE and resolves true once the router answered it and the connection closed.
function leave(opened) {
    return new Promise((resolve) => {
        opened.session.onleave = () => {};
        opened.connection.onclose = (reason) => {
            resolve(reason === 'closed');
            return true;
        };
        opened.connection.close('wamp.close.normal', 'bye');
    });
}

// Raw WebSocket (no WAMP library): join with HELLO, print "joined", then report every message and the close code.
// Used to watch what the router sends at node shutdown without a client library answering for us.
scenarios.hold = () => new Promise((resolve, reject) => {
    const ws = new WS(args.url, ['wamp.2.json'], tlsOptions);
    const received = [];
    ws.on('open', () => ws.send(JSON.stringify([1, args.realm || 'realm1', { roles: { subscriber: {} } }])));
    ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        received.push(message);
        if (message[0] === 2) process.stdout.write('joined\n');
    });
    ws.on('close', (code, reason) => resolve({ closeCode: code, closeReason: reason.toString(), received }));
    ws.on('error', reject);
});

const scenario = scenarios[args.scenario];
if (!scenario) fail('unknown scenario ' + args.scenario);
scenario().then(done, (e) => fail(e && e.reason ? JSON.stringify(e) : e));
