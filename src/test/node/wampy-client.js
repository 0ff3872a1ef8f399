// The interop suite (see wamp-client.js) with a second, independent WAMP client: npm wampy 8 over the ws package.
// Usage: node wampy-client.js interop --url wss://... [--ca FILE] [--realm NAME]
// wampy is used with JSON only: its MessagePack output is not standard WAMP (see interop-notes.md).
// Prints {"steps": {...}} and exits 0, or prints {"error": ...} and exits 1.
'use strict';
const fs = require('fs');
const WS = require('ws');
const { Wampy } = require('wampy');
const { payload, same, Steps, sleep, nextOf, inbox } = require('./interop-common');

const args = parseArgs(process.argv.slice(2));
const tlsOptions = args.ca ? { ca: fs.readFileSync(args.ca) } : {};

// wampy constructs its `ws` option as new ws(url, protocols, origin, headers, requestOptions), the signature of
// the `websocket` package; the ws package takes (url, protocols, options), so adapt it and pass the CA here.
class TlsWebSocket extends WS {
    constructor(url, protocols) {
        super(url, protocols, tlsOptions);
    }
}

const TIMEOUT_MS = Number(args.timeout || 15000);
setTimeout(() => fail('timeout after ' + TIMEOUT_MS + ' ms'), TIMEOUT_MS).unref();

function parseArgs(argv) {
    const out = { scenario: argv[0] };
    for (let i = 1; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
    return out;
}

function fail(error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.stack || error) }) + '\n');
    process.exit(1);
}

async function join() {
    const wampy = new Wampy(args.url, { realm: args.realm || 'realm1', ws: TlsWebSocket, autoReconnect: false });
    await wampy.connect();
    return wampy;
}

// An error a call rejected with, as {error, args, kwargs}; null when the call succeeded.
function callError(promise) {
    return promise.then(() => null, (e) => ({ error: e.errorUri, args: e.argsList, kwargs: e.argsDict }));
}

async function interop() {
    const log = new Steps();
    const sent = payload('json');
    const topic = 'com.interop.topic';
    const a = await join();
    const b = await join();
    const ids = [a.getSessionId(), b.getSessionId()];
    log.check('join', ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 2 ** 53) && ids[0] !== ids[1], ids);

    const eventsA = inbox();
    const eventsB = inbox();
    const subA = await a.subscribe(topic, (e) => eventsA.push({ args: e.argsList, kwargs: e.argsDict }));
    const subB = await b.subscribe(topic, (e) => eventsB.push({ args: e.argsList, kwargs: e.argsDict }));
    log.check('subscribe', subA.subscriptionId === subB.subscriptionId, [subA.subscriptionId, subB.subscriptionId]);

    // wampy always asks for acknowledge and never sends exclude_me:false, so the default (exclude_me) is tested
    const toA = nextOf(eventsA, 3000);
    const ack = await b.publish(topic, { argsList: sent.args, argsDict: sent.kwargs });
    const eventA = await toA;
    await sleep(150);
    log.check('publish_acknowledged', ack && Number.isInteger(ack.publicationId) && same(eventA, sent)
        && eventsB.length === 0, { ack, eventA, eventsB: eventsB.length });

    await a.register('com.interop.echo', (call) => ({ argsList: call.argsList, argsDict: call.argsDict }));
    const result = await b.call('com.interop.echo', { argsList: sent.args, argsDict: sent.kwargs });
    log.check('call', same({ args: result.argsList, kwargs: result.argsDict }, sent), result);

    await a.register('com.interop.fail', () => {
        throw { error: 'com.interop.error.custom', argsList: ['bad', 2 ** 53], argsDict: { why: 'ü', nested: { n: [1] } } };
    });
    const failure = await callError(b.call('com.interop.fail'));
    log.check('callee_error', failure && failure.error === 'com.interop.error.custom'
        && same(failure.args, ['bad', 2 ** 53]) && same(failure.kwargs, { why: 'ü', nested: { n: [1] } }), failure);

    const missing = await callError(b.call('com.interop.nope'));
    log.check('missing_procedure', missing && missing.error === 'wamp.error.no_such_procedure', missing);

    await a.unsubscribe(topic);
    await b.publish(topic, { argsList: ['after'] });
    await sleep(200);
    log.check('unsubscribe', !eventsA.some((e) => e.args && e.args[0] === 'after'), eventsA.length);

    await a.unregister('com.interop.echo');
    const gone = await callError(b.call('com.interop.echo'));
    log.check('unregister', gone && gone.error === 'wamp.error.no_such_procedure', gone);

    await a.disconnect();
    await b.disconnect();
    log.check('leave', a.getSessionId() == null && b.getSessionId() == null, 'GOODBYE answered');
    return log;
}

const scenarios = { interop };
if (!scenarios[args.scenario]) fail('unknown scenario ' + args.scenario);
scenarios[args.scenario]().then((result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}, fail);
