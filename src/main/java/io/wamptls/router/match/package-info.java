/**
 * URI patterns ({@code exact}, {@code prefix}, {@code wildcard}) shared by subscriptions, registrations and
 * permissions; "most specific wins" orders for call routing and for permissions; URI validity rules.
 */
package io.wamptls.router.match;
