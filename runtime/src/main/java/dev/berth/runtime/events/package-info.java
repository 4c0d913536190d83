/**
 * The engine's event bus: every change (container, image, network, volume) as Docker's {@code /events} messages, fanned out
 * to subscribers, with recent events kept for {@code since}.
 */
package dev.berth.runtime.events;
