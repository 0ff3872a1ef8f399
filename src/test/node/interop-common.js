// What the interop scenarios of both npm clients share: the payload that must come back unchanged, and the
// step log they report.
'use strict';
const util = require('util');

// JSON has no binary type: the WAMP spec carries bytes as a string "\0" + base64, which the router must keep.
const JSON_BINARY = '\u0000' + Buffer.from([0, 1, 2, 254, 255]).toString('base64');

function payload(serializer) {
    const binary = serializer === 'msgpack' ? Buffer.from([0, 1, 2, 254, 255]) : JSON_BINARY;
    return {
        args: [1, 'two', { three: [3, { four: 4 }] }, 2 ** 53, -(2 ** 53), 0.5, true, null, 'Grüße 你好 😀', binary],
        kwargs: {
            nested: { list: [[], {}, [1, [2, [3]]]], empty: '' },
            unicode: 'Ünïcødé ✓ \u2028 \uD83D\uDE80',
            big: 2 ** 53,
            binary,
        },
    };
}

// Deep equality that treats Buffer and Uint8Array alike (decoders differ in which they return).
function normalize(v) {
    if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') };
    if (Array.isArray(v)) return v.map(normalize);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
    return v;
}

function same(a, b) {
    return util.isDeepStrictEqual(normalize(a), normalize(b));
}

/** Records named checks; the Java test asserts that each expected step is present and ok. */
class Steps {
    constructor() {
        this.steps = {};
    }

    check(name, ok, detail) {
        this.steps[name] = { ok: Boolean(ok), detail: normalize(detail) };
    }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the first value pushed after the call, or with 'nothing' after ms. */
function nextOf(queue, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve('nothing'), ms);
        queue.waiter = (value) => {
            clearTimeout(timer);
            resolve(value);
        };
    });
}

/** A list of received values with a hook for nextOf. */
function inbox() {
    const queue = [];
    queue.push = function (value) {
        Array.prototype.push.call(this, value);
        const waiter = this.waiter;
        this.waiter = null;
        if (waiter) waiter(value);
        return this.length;
    };
    return queue;
}

module.exports = { payload, same, normalize, Steps, sleep, nextOf, inbox };
